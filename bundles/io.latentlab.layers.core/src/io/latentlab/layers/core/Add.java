package io.latentlab.layers.core;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.Layer;
import io.latentlab.core.layer.LayerContext;
import io.latentlab.core.layer.LayerFactory;
import io.latentlab.core.layer.ParameterDeclarations;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.layer.ShapeException;
import io.latentlab.core.onnx.OnnxExportable;
import io.latentlab.core.onnx.OnnxGraph;

/** Sums inputs of the same shape: residual connections. */
@Component(service = LayerFactory.class)
public final class Add extends AbstractContribution implements LayerFactory {

    /** Contribution id. */
    public static final String ID = "add";

    /** Creates the contribution. */
    public Add() {
        super(ID, "Add", "Sums two or more inputs of the same shape.", ParameterSchema.EMPTY);
    }

    @Override
    public Layer create(Parameters parameters) {
        return new AddLayer();
    }

    private static final class AddLayer implements Layer, OnnxExportable {

        private int count;

        @Override
        public Shape build(List<Shape> inputShapes, ParameterDeclarations declarations) {
            if (inputShapes.size() < 2 || inputShapes.stream().distinct().count() != 1) {
                throw new ShapeException("two or more inputs of one shape", inputShapes);
            }
            count = inputShapes.size();
            return inputShapes.get(0);
        }

        @Override
        public INDArray forward(List<INDArray> inputs, LayerContext context) {
            INDArray sum = inputs.get(0).dup();
            for (int i = 1; i < inputs.size(); i++) {
                sum.addi(inputs.get(i));
            }
            return sum;
        }

        @Override
        public List<INDArray> backward(INDArray outputGradient, LayerContext context) {
            return Collections.nCopies(count, outputGradient);
        }

        @Override
        public String toOnnx(OnnxGraph graph, List<String> inputs, List<Shape> inputShapes) {
            return graph.operator("Sum", inputs, Map.of());
        }
    }
}
