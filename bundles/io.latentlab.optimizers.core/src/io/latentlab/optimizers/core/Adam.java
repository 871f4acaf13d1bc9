package io.latentlab.optimizers.core;

import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Setting;
import io.latentlab.core.TypedSettings;
import io.latentlab.core.Parameters;
import io.latentlab.core.optim.FlatOptimizer;
import io.latentlab.core.optim.Optimizer;
import io.latentlab.core.optim.OptimizerFactory;

/**
 * Adam with bias correction, the textbook update: s = b1 s + (1 - b1) g, r = b2 r + (1 - b2) g^2,
 * s^ = s / (1 - b1^t), r^ = r / (1 - b2^t), w -= learning_rate * s^ / (sqrt(r^) + epsilon).
 * With {@code weight_decay} > 0 it is AdamW's decoupled decay, w -= learning_rate * weight_decay * w,
 * applied before the Adam step.
 */
@Component(service = OptimizerFactory.class)
public class Adam extends AbstractContribution implements OptimizerFactory {

    /** Contribution id. */
    public static final String ID = "adam";

    /** Creates the contribution. */
    public Adam() {
        this(ID, "Adam", "Adaptive moments with bias correction (Kingma and Ba).", 0.0);
    }

    Adam(String id, String name, String doc, double defaultWeightDecay) {
        super(id, name, doc, TypedSettings.schema(Settings.class).withDefaults(Map.of("weight_decay", defaultWeightDecay)));
    }

    /** Adam's and AdamW's settings (AdamW's weight decay defaults to 0.01). */
    record Settings(
            @Setting(doc = "step size (alpha)", defaultValue = "0.001", min = 0, max = 10) double learningRate,
            @Setting(doc = "decay of the first-moment estimate s", defaultValue = "0.9", min = 0, max = 0.9999999)
            double beta1,
            @Setting(doc = "decay of the second-moment estimate r", defaultValue = "0.999", min = 0, max = 0.9999999)
            double beta2,
            @Setting(doc = "added to sqrt(r^) for stability", defaultValue = "1e-8", min = 0, max = 1) double epsilon,
            @Setting(doc = "decoupled weight decay (AdamW); 0 for Adam", defaultValue = "0", min = 0, max = 1)
            double weightDecay) {
    }

    @Override
    public Optimizer create(Parameters parameters) {
        Settings settings = parameters.as(Settings.class);
        double beta1 = settings.beta1();
        double beta2 = settings.beta2();
        double epsilon = settings.epsilon();
        double weightDecay = settings.weightDecay();
        return new FlatOptimizer(settings.learningRate(), "s", "r") {
            @Override
            public void step(INDArray weights, INDArray gradients, long step, double learningRate) {
                if (weightDecay > 0) {
                    weights.muli(1 - learningRate * weightDecay);
                }
                // libnd4j's fused adam_updater computes lr sqrt(1 - b2^t) / (1 - b1^t) * s / (sqrt(r) + eps'),
                // which is the textbook update when eps' = eps sqrt(1 - b2^t). It turns the gradient into the step.
                double epsilonPrime = epsilon * Math.sqrt(1 - Math.pow(beta2, step));
                Nd4j.exec(new AdamUpdater(gradients, state("r"), state("s"), learningRate, beta1, beta2, epsilonPrime,
                        (int) (step - 1)));
                weights.subi(gradients);
            }
        };
    }
}
