package io.latentlab.layers.core.loss;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.loss.Loss;
import io.latentlab.core.loss.LossFactory;

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
                Reduction.declare(ParameterSchema.builder(), "mean")
                        .bool("from_logits", false, "the prediction is a logit (no sigmoid applied yet)")
                        .build());
    }

    @Override
    public Loss create(Parameters parameters) {
        String reduction = parameters.getString(Reduction.PARAMETER);
        boolean fromLogits = parameters.getBoolean("from_logits");
        return new Loss() {
            private INDArray prediction;
            private INDArray target;
            private double divisor;

            @Override
            public double forward(List<INDArray> predictions, INDArray target) {
                this.prediction = predictions.get(0);
                this.target = target;
                divisor = Reduction.divisor(reduction, prediction);
                INDArray values;
                if (fromLogits) {
                    INDArray z = prediction;
                    values = Transforms.relu(z, true).subi(z.mul(target))
                            .addi(Transforms.log(Transforms.exp(Transforms.abs(z, true).negi(), false).addi(1), false));
                } else {
                    INDArray p = Transforms.min(Transforms.max(prediction, CLAMP, true), 1 - CLAMP, false);
                    values = Transforms.log(p, true).muli(target)
                            .addi(Transforms.log(p.rsub(1), false).muli(target.rsub(1))).negi();
                }
                return values.sumNumber().doubleValue() / divisor;
            }

            @Override
            public List<INDArray> backward() {
                if (fromLogits) {
                    return List.of(Transforms.sigmoid(prediction, true).subi(target).divi(divisor));
                }
                INDArray p = Transforms.min(Transforms.max(prediction, CLAMP, true), 1 - CLAMP, false);
                // d/dp = (p - t) / (p (1 - p))
                return List.of(p.sub(target).divi(p.mul(p.rsub(1))).divi(divisor));
            }
        };
    }
}
