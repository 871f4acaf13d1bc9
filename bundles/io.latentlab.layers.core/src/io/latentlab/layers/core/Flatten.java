package io.latentlab.layers.core;

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

/** Flattens each example to a vector (C-order: channel, row, column). */
@Component(service = LayerFactory.class)
public final class Flatten extends AbstractContribution implements LayerFactory {

    /** Contribution id. */
    public static final String ID = "flatten";

    /** Creates the contribution. */
    public Flatten() {
        super(ID, "Flatten", "Turns each example into a vector, e.g. [32, 7, 7] into [1568].", ParameterSchema.EMPTY);
    }

    @Override
    public Layer create(Parameters parameters) {
        return new ReshapeLayer(null);
    }

    /** Reshapes each example to a target shape (or to a vector when the target is {@code null}). */
    static final class ReshapeLayer implements Layer, OnnxExportable {

        private final long[] target;
        private Shape output;
        private long[] inputShape;

        ReshapeLayer(long[] target) {
            this.target = target;
        }

        @Override
        public Shape build(List<Shape> inputShapes, ParameterDeclarations declarations) {
            Shape in = Inputs.single(inputShapes, 0, "");
            output = target == null ? Shape.of(in.size()) : Shape.of(target);
            if (output.size() != in.size()) {
                throw new ShapeException(
                        "an input of " + output.size() + " values to reshape to " + output, in + " (" + in.size() + " values)");
            }
            return output;
        }

        @Override
        public INDArray forward(List<INDArray> inputs, LayerContext context) {
            INDArray input = inputs.get(0);
            inputShape = input.shape();
            return input.reshape('c', output.withBatch(input.size(0)));
        }

        @Override
        public List<INDArray> backward(INDArray outputGradient, LayerContext context) {
            return List.of(outputGradient.reshape('c', inputShape));
        }

        @Override
        public String toOnnx(OnnxGraph graph, List<String> inputs, List<Shape> inputShapes) {
            if (target == null) {
                return graph.operator("Flatten", inputs, Map.of("axis", 1L));
            }
            long[] shape = new long[target.length + 1];
            shape[0] = -1; // the batch
            System.arraycopy(target, 0, shape, 1, target.length);
            return graph.operator("Reshape", inputs.get(0), graph.integers("shape", shape));
        }
    }
}
