package io.latentlab.layers.core.activation;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
import io.latentlab.core.layer.ActivationFactory;
import io.latentlab.core.layer.Layer;
import io.latentlab.core.layer.LayerContext;
import io.latentlab.core.layer.ParameterBinding;
import io.latentlab.core.layer.ParameterDeclarations;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.onnx.OnnxExportable;
import io.latentlab.core.onnx.OnnxGraph;

/** Parametric ReLU: f(x) = x for x > 0, a x otherwise, with the slope a learned (one for all values). */
@Component(service = ActivationFactory.class)
public final class ParametricRelu extends AbstractContribution implements ActivationFactory {

    /** Contribution id. */
    public static final String ID = "prelu";

    /** Creates the contribution. */
    public ParametricRelu() {
        super(ID, "Parametric ReLU", "Leaky ReLU whose negative slope is learned.",
                Settings.class);
    }

    /** PReLU's settings. */
    record Settings(@Setting(doc = "the slope before training", defaultValue = "0.25", min = 0, max = 1) double initialSlope) {
    }

    @Override
    public Layer create(Parameters parameters) {
        double initial = parameters.as(Settings.class).initialSlope();
        return new ExportableLayer() {
            private INDArray slope;
            private INDArray slopeGradient;
            private INDArray input;
            private INDArray negativePart;

            @Override
            public Shape build(List<Shape> inputShapes, ParameterDeclarations declarations) {
                declarations.weight("alpha", new long[] {1}, initial);
                return inputShapes.get(0);
            }

            @Override
            public void bind(ParameterBinding binding) {
                slope = binding.value("alpha");
                slopeGradient = binding.gradient("alpha");
            }

            @Override
            public INDArray forward(List<INDArray> inputs, LayerContext context) {
                input = inputs.get(0);
                negativePart = input.mul(input.lte(0).castTo(input.dataType())); // min(x, 0)
                double a = slope.getDouble(0);
                return input.sub(negativePart).addi(negativePart.mul(a));
            }

            @Override
            public List<INDArray> backward(INDArray outputGradient, LayerContext context) {
                slopeGradient.putScalar(0, outputGradient.mul(negativePart).sumNumber().doubleValue());
                double a = slope.getDouble(0);
                INDArray local = LeakyRelu.slopes(input, a);
                return List.of(outputGradient.mul(local));
            }

            @Override
            public String toOnnx(OnnxGraph graph, List<String> inputs, List<Shape> inputShapes) {
                return graph.operator("PRelu", inputs.get(0), graph.constant("alpha", slope));
            }
        };
    }

    /** A layer that can be written as ONNX. */
    interface ExportableLayer extends Layer, OnnxExportable {
    }
}
