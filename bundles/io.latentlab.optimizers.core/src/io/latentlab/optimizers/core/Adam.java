package io.latentlab.optimizers.core;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
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
        super(id, name, doc, ParameterSchema.builder()
                .number("learning_rate", 0.001, 0.0, 10.0, "", "step size (alpha)")
                .number("beta_1", 0.9, 0.0, 0.9999999, "", "decay of the first-moment estimate s")
                .number("beta_2", 0.999, 0.0, 0.9999999, "", "decay of the second-moment estimate r")
                .number("epsilon", 1e-8, 0.0, 1.0, "", "added to sqrt(r^) for stability")
                .number("weight_decay", defaultWeightDecay, 0.0, 1.0, "", "decoupled weight decay (AdamW); 0 for Adam")
                .build());
    }

    @Override
    public Optimizer create(Parameters parameters) {
        double beta1 = parameters.getDouble("beta_1");
        double beta2 = parameters.getDouble("beta_2");
        double epsilon = parameters.getDouble("epsilon");
        double weightDecay = parameters.getDouble("weight_decay");
        return new FlatOptimizer(parameters.getDouble("learning_rate"), "s", "r") {
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
