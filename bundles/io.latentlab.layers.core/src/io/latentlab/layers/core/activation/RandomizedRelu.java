package io.latentlab.layers.core.activation;

import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
import io.latentlab.core.layer.ActivationFactory;
import io.latentlab.core.layer.Layer;
import io.latentlab.core.layer.LayerContext;
import io.latentlab.core.layer.ParameterDeclarations;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.onnx.OnnxGraph;

/** Randomized ReLU: negative slopes drawn from U(lower, upper) per value in training; (lower + upper) / 2 in evaluation. */
@Component(service = ActivationFactory.class)
public final class RandomizedRelu extends AbstractContribution implements ActivationFactory {

    /** Contribution id. */
    public static final String ID = "rrelu";

    /** Creates the contribution. */
    public RandomizedRelu() {
        super(ID, "Randomized ReLU", "Leaky ReLU with a random slope in training and the mean slope in evaluation.",
                Settings.class);
    }

    /** RReLU's settings: the negative slope is drawn from [lower, upper] in training, their mean in evaluation. */
    record Settings(
            @Setting(doc = "smallest negative slope", defaultValue = "0.125", min = 0, max = 1) double lower,
            @Setting(doc = "largest negative slope", defaultValue = "0.3333333333333333", min = 0, max = 1) double upper) {
    }

    @Override
    public Layer create(Parameters parameters) {
        double lower = parameters.as(Settings.class).lower();
        double upper = parameters.as(Settings.class).upper();
        if (upper < lower) {
            throw new IllegalArgumentException("rrelu: upper (" + upper + ") must not be below lower (" + lower + ")");
        }
        return new ParametricRelu.ExportableLayer() {
            private INDArray slopes;

            @Override
            public Shape build(List<Shape> inputShapes, ParameterDeclarations declarations) {
                return inputShapes.get(0);
            }

            @Override
            public INDArray forward(List<INDArray> inputs, LayerContext context) {
                INDArray x = inputs.get(0);
                INDArray negative = x.lte(0).castTo(x.dataType());
                INDArray slope;
                if (context.training()) {
                    slope = Nd4j.createUninitialized(x.dataType(), x.shape());
                    Nd4j.getExecutioner().exec(new UniformDistribution(slope, lower, upper), context.random());
                } else {
                    slope = Nd4j.valueArrayOf(x.shape(), (lower + upper) / 2, x.dataType());
                }
                // slopes = 1 where x > 0, the drawn slope elsewhere
                slopes = slope.subi(1).muli(negative).addi(1);
                return x.mul(slopes);
            }

            @Override
            public List<INDArray> backward(INDArray outputGradient, LayerContext context) {
                return List.of(outputGradient.mul(slopes));
            }

            /** Evaluation mode: the mean slope. */
            @Override
            public String toOnnx(OnnxGraph graph, List<String> inputs, List<Shape> inputShapes) {
                return graph.operator("LeakyRelu", inputs, Map.of("alpha", (lower + upper) / 2));
            }
        };
    }
}
