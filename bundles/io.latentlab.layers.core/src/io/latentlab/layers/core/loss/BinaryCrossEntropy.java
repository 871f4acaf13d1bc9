package io.latentlab.layers.core.loss;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
import io.latentlab.core.loss.Loss;
import io.latentlab.core.loss.LossFactory;
import io.latentlab.nd4j.Reductions;

/**
 * Binary cross-entropy -[t log p + (1 - t) log(1 - p)], from probabilities (clamped away from
 * 0 and 1) or, more stably, from logits: max(z, 0) - z t + log(1 + exp(-|z|)).
 */
@Component(service = LossFactory.class)
public final class BinaryCrossEntropy extends AbstractContribution implements LossFactory {

    /** Contribution id. */
    public static final String ID = "bce";

    private static final double CLAMP = 1e-7;

    /** Creates the contribution. */
    public BinaryCrossEntropy() {
        super(ID, "Binary cross-entropy", "For targets in [0, 1], e.g. pixel intensities or real/fake labels.",
                Settings.class);
    }

    /** Binary cross-entropy's settings. */
    record Settings(
            @Setting(doc = Reduction.DOC, defaultValue = "mean", choices = {"mean", "sum"}) String reduction,
            @Setting(doc = "the prediction is a logit (no sigmoid applied yet)", defaultValue = "false") boolean fromLogits) {
    }

    @Override
    public Loss create(Parameters parameters) {
        String reduction = parameters.as(Settings.class).reduction();
        boolean fromLogits = parameters.as(Settings.class).fromLogits();
        return new Loss() {
            private final Scratch scratch = new Scratch();
            private INDArray prediction;
            private INDArray target;
            private double divisor;

            /** p clamped away from 0 and 1, so that log p and log(1 - p) stay finite. */
            private INDArray clamped() {
                INDArray p = scratch.get("p", prediction).assign(prediction);
                return Transforms.min(Transforms.max(p, CLAMP, false), 1 - CLAMP, false);
            }

            @Override
            public double forward(List<INDArray> predictions, INDArray target) {
                this.prediction = predictions.get(0);
                this.target = target;
                divisor = Reduction.divisor(reduction, prediction);
                INDArray values = scratch.get("values", prediction);
                INDArray other = scratch.get("other", prediction);
                // the products with the targets summed by BLAS (Reductions), not multiplied and summed by ND4J
                if (fromLogits) {
                    // max(z, 0) - z t + log(1 + exp(-|z|))
                    Transforms.abs(values.assign(prediction), false).negi();
                    Transforms.log(Transforms.exp(values, false).addi(1), false);
                    values.addi(Transforms.relu(other.assign(prediction), false));
                    return (values.sumNumber().doubleValue() - Reductions.dot(prediction, target)) / divisor;
                }
                INDArray p = clamped();
                INDArray logP = Transforms.log(values.assign(p), false);
                INDArray logNotP = Transforms.log(other.assign(p).rsubi(1), false);
                INDArray notTarget = scratch.get("t", target).assign(target).rsubi(1);
                return -(Reductions.dot(target, logP) + Reductions.dot(notTarget, logNotP)) / divisor;
            }

            @Override
            public List<INDArray> backward() {
                INDArray gradient = scratch.get("gradient", prediction);
                if (fromLogits) {
                    return List.of(Transforms.sigmoid(gradient.assign(prediction), false).subi(target).divi(divisor));
                }
                INDArray p = clamped();
                // d/dp = (p - t) / (p (1 - p))
                INDArray denominator = scratch.get("other", prediction).assign(p).rsubi(1).muli(p);
                return List.of(gradient.assign(p).subi(target).divi(denominator).divi(divisor));
            }
        };
    }
}
