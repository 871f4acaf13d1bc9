package io.latentlab.optimizers.core;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Setting;
import io.latentlab.core.Parameters;
import io.latentlab.core.optim.FlatOptimizer;
import io.latentlab.core.optim.Optimizer;
import io.latentlab.core.optim.OptimizerFactory;

/**
 * SGD with momentum: v = momentum * v - learning_rate * g; w += v. With Nesterov:
 * w += momentum * v - learning_rate * g (the look-ahead form, using the new v).
 */
@Component(service = OptimizerFactory.class)
public final class Momentum extends AbstractContribution implements OptimizerFactory {

    /** Contribution id. */
    public static final String ID = "momentum";

    /** Creates the contribution. */
    public Momentum() {
        super(ID, "Momentum", "SGD with a velocity that accumulates past gradients (optionally Nesterov).",
                Settings.class);
    }

    /** Momentum's settings. */
    record Settings(
            @Setting(doc = "step size", defaultValue = "0.01", min = 0, max = 10) double learningRate,
            @Setting(doc = "fraction of the velocity kept each step", defaultValue = "0.9", min = 0, max = 0.9999)
            double momentum,
            @Setting(doc = "use Nesterov's look-ahead update", defaultValue = "false") boolean nesterov) {
    }

    @Override
    public Optimizer create(Parameters parameters) {
        Settings settings = parameters.as(Settings.class);
        double momentum = settings.momentum();
        boolean nesterov = settings.nesterov();
        return new FlatOptimizer(settings.learningRate(), "velocity") {
            @Override
            public void step(INDArray weights, INDArray gradients, long step, double learningRate) {
                INDArray velocity = state("velocity");
                velocity.muli(momentum).subi(scratch.assign(gradients).muli(learningRate));
                if (nesterov) {
                    weights.addi(scratch.assign(velocity).muli(momentum)).subi(gradients.muli(learningRate));
                } else {
                    weights.addi(velocity);
                }
            }
        };
    }
}
