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
 * KL divergence of N(mu, exp(logvar)) to N(0, I): -0.5 sum(1 + logvar - mu^2 - exp(logvar))
 * over latent dimensions, averaged over the batch. Takes two predictions (mu, logvar), no target.
 */
@Component(service = LossFactory.class)
public final class KlStandardNormal extends AbstractContribution implements LossFactory {

    /** Contribution id. */
    public static final String ID = "kl_normal";

    /** Creates the contribution. */
    public KlStandardNormal() {
        super(ID, "KL to a standard normal", "The VAE prior term: KL(N(mu, sigma^2) || N(0, I)), in nats per example.",
                ParameterSchema.EMPTY);
    }

    @Override
    public Loss create(Parameters parameters) {
        return new Loss() {
            private INDArray mean;
            private INDArray logVariance;
            private INDArray variance;

            @Override
            public int arity() {
                return 2;
            }

            @Override
            public boolean needsTarget() {
                return false;
            }

            @Override
            public double forward(List<INDArray> predictions, INDArray target) {
                mean = predictions.get(0);
                logVariance = predictions.get(1);
                variance = Transforms.exp(logVariance, true);
                INDArray terms = logVariance.add(1).subi(mean.mul(mean)).subi(variance);
                return -0.5 * terms.sumNumber().doubleValue() / mean.size(0);
            }

            @Override
            public List<INDArray> backward() {
                double batch = mean.size(0);
                return List.of(mean.div(batch), variance.sub(1).muli(0.5 / batch));
            }
        };
    }
}
