package io.latentlab.optimizers.core;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.optim.FlatOptimizer;
import io.latentlab.core.optim.Optimizer;
import io.latentlab.core.optim.OptimizerFactory;

/** RMSprop: r = rho r + (1 - rho) g^2; w -= learning_rate * g / (sqrt(r) + epsilon). */
@Component(service = OptimizerFactory.class)
public final class RmsProp extends AbstractContribution implements OptimizerFactory {

    /** Contribution id. */
    public static final String ID = "rmsprop";

    /** Creates the contribution. */
    public RmsProp() {
        super(ID, "RMSprop", "Divides each step by a running root-mean-square of recent gradients.",
                ParameterSchema.builder()
                        .number("learning_rate", 0.001, 0.0, 10.0, "", "step size")
                        .number("rho", 0.9, 0.0, 0.9999, "", "decay of the squared-gradient average")
                        .number("epsilon", 1e-7, 0.0, 1.0, "", "added to the denominator for stability")
                        .build());
    }

    @Override
    public Optimizer create(Parameters parameters) {
        double rho = parameters.getDouble("rho");
        double epsilon = parameters.getDouble("epsilon");
        return new FlatOptimizer(parameters.getDouble("learning_rate"), "mean_square") {
            @Override
            public void step(INDArray weights, INDArray gradients, long step, double learningRate) {
                INDArray meanSquare = state("mean_square");
                meanSquare.muli(rho).addi(scratch.assign(gradients).muli(gradients).muli(1 - rho));
                Transforms.sqrt(scratch.assign(meanSquare), false).addi(epsilon);
                weights.subi(scratch.rdivi(gradients).muli(learningRate));
            }
        };
    }
}
