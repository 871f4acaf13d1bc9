package @@PACKAGE@@;

import java.util.Collections;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
import io.latentlab.core.layer.Layer;
import io.latentlab.core.layer.LayerContext;
import io.latentlab.core.layer.LayerFactory;
import io.latentlab.core.layer.ParameterBinding;
import io.latentlab.core.layer.ParameterDeclarations;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.layer.ShapeException;
import io.latentlab.core.onnx.OnnxExportable;
import io.latentlab.core.onnx.OnnxGraph;

/**
 * @@NAME@@: y = x * g + b for each feature of a vector input, with g and b learned. A layer
 * declares its parameters in {@code build} (the engine allocates, initialises, optimises and
 * checkpoints them), reads them after {@code bind}, and writes their gradients in {@code backward}.
 * {@code toOnnx} writes it as ONNX operators, for {@code latentlab export RUN --format onnx}.
 */
@Component(service = LayerFactory.class)
public final class @@CLASS@@ extends AbstractContribution implements LayerFactory {

    /** The id experiments write: {@code - @@ID@@: {initial_scale: 1}}. */
    public static final String ID = "@@ID@@";

    /** Creates the contribution (Declarative Services calls this). */
    public @@CLASS@@() {
        super(ID, "@@NAME@@", "y = x * g + b per feature of a vector, g and b learned.", Settings.class);
    }

    /** The parameters, declared once (experiments write {@code initial_scale}). */
    record Settings(@Setting(doc = "the value every g starts from", defaultValue = "1", min = -100, max = 100)
            double initialScale) {
    }

    @Override
    public Layer create(Parameters parameters) {
        return new ScaleLayer(parameters.as(Settings.class).initialScale());
    }

    private static final class ScaleLayer implements Layer, OnnxExportable {

        private final double initialScale;
        private INDArray scale;
        private INDArray shift;
        private INDArray scaleGradient;
        private INDArray shiftGradient;
        private INDArray input;

        ScaleLayer(double initialScale) {
            this.initialScale = initialScale;
        }

        @Override
        public Shape build(List<Shape> inputShapes, ParameterDeclarations declarations) {
            if (inputShapes.size() != 1 || inputShapes.get(0).rank() != 1) {
                throw new ShapeException("one vector input [features] (flatten images first)", inputShapes);
            }
            long features = inputShapes.get(0).dim(0);
            declarations.weight("g", new long[] {1, features}, initialScale);
            declarations.weight("b", new long[] {1, features}, 0.0);
            return inputShapes.get(0);
        }

        @Override
        public void bind(ParameterBinding parameters) {
            scale = parameters.value("g");
            shift = parameters.value("b");
            scaleGradient = parameters.gradient("g");
            shiftGradient = parameters.gradient("b");
        }

        @Override
        public INDArray forward(List<INDArray> inputs, LayerContext context) {
            input = inputs.get(0);
            INDArray output = context.buffer("output", input.shape());
            return output.assign(input).muliRowVector(scale).addiRowVector(shift);
        }

        @Override
        public List<INDArray> backward(INDArray outputGradient, LayerContext context) {
            scaleGradient.assign(input.mul(outputGradient).sum(true, 0)); // assign, not add: the engine zeroes nothing
            shiftGradient.assign(outputGradient.sum(true, 0));
            if (!context.inputGradientNeeded(0)) {
                return Collections.singletonList(null);
            }
            return List.of(outputGradient.mulRowVector(scale));
        }

        /** The same arithmetic as forward, as ONNX operators (g and b broadcast over the batch as rows). */
        @Override
        public String toOnnx(OnnxGraph graph, List<String> inputs, List<Shape> inputShapes) {
            String scaled = graph.operator("Mul", inputs.get(0), graph.constant("g", scale));
            return graph.operator("Add", scaled, graph.constant("b", shift));
        }
    }
}
