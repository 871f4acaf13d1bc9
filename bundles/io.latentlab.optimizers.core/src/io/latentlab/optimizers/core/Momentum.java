package io.latentlab.optimizers.core;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
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
                ParameterSchema.builder()
                        .number("learning_rate", 0.01, 0.0, 10.0, "", "step size")
                        .number("momentum", 0.9, 0.0, 0.9999, "", "fraction of the velocity kept each step")
                        .bool("nesterov", false, "use Nesterov's look-ahead update")
                        .build());
    }

    @Override
    public Optimizer create(Parameters parameters) {
        double momentum = parameters.getDouble("momentum");
        boolean nesterov = parameters.getBoolean("nesterov");
        return new FlatOptimizer(parameters.getDouble("learning_rate"), "velocity") {
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
