package io.latentlab.layers.core;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
import io.latentlab.core.layer.Layer;
import io.latentlab.core.layer.LayerContext;
import io.latentlab.core.layer.LayerFactory;
import io.latentlab.core.layer.ParameterDeclarations;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.onnx.OnnxExportable;
import io.latentlab.core.onnx.OnnxGraph;

/** Inverted dropout: in training, zeroes each value with probability {@code rate} and scales the rest by 1/(1-rate); identity in evaluation. */
@Component(service = LayerFactory.class)
public final class Dropout extends AbstractContribution implements LayerFactory {

    /** Contribution id. */
    public static final String ID = "dropout";

    /** Creates the contribution. */
    public Dropout() {
        super(ID, "Dropout", "Randomly zeroes values while training, to regularise.",
                Settings.class);
    }

    /** Dropout's settings. */
    record Settings(@Setting(doc = "probability of dropping each value", defaultValue = "0.5", min = 0, max = 0.99) double rate) {
    }

    @Override
    public Layer create(Parameters parameters) {
        return new DropoutLayer(parameters.as(Settings.class).rate());
    }

    private static final class DropoutLayer implements Layer, OnnxExportable {

        private final double rate;
        private INDArray mask;

        DropoutLayer(double rate) {
            this.rate = rate;
        }

        @Override
        public Shape build(List<Shape> inputShapes, ParameterDeclarations declarations) {
            return Inputs.single(inputShapes, 0, "");
        }

        @Override
        public INDArray forward(List<INDArray> inputs, LayerContext context) {
            INDArray input = inputs.get(0);
            if (!context.training() || rate == 0) {
                mask = null;
                return input;
            }
            mask = context.buffer("mask", input.shape());
            Nd4j.getExecutioner().exec(new BernoulliDistribution(mask, 1 - rate), context.random());
            mask.divi(1 - rate);
            return context.buffer("output", input.shape()).assign(input).muli(mask);
        }

        @Override
        public List<INDArray> backward(INDArray outputGradient, LayerContext context) {
            return List.of(mask == null ? outputGradient
                    : context.buffer("input_gradient", outputGradient.shape()).assign(outputGradient).muli(mask));
        }

        /** Evaluation mode: dropout passes its input through. */
        @Override
        public String toOnnx(OnnxGraph graph, List<String> inputs, List<Shape> inputShapes) {
            return inputs.get(0);
        }
    }
}
