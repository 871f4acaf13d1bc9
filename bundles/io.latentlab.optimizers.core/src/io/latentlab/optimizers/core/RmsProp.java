package io.latentlab.optimizers.core;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Setting;
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
                Settings.class);
    }

    /** RMSprop's settings. */
    record Settings(
            @Setting(doc = "step size", defaultValue = "0.001", min = 0, max = 10) double learningRate,
            @Setting(doc = "decay of the squared-gradient average", defaultValue = "0.9", min = 0, max = 0.9999) double rho,
            @Setting(doc = "added to the denominator for stability", defaultValue = "1e-7", min = 0, max = 1)
            double epsilon) {
    }

    @Override
    public Optimizer create(Parameters parameters) {
        Settings settings = parameters.as(Settings.class);
        double rho = settings.rho();
        double epsilon = settings.epsilon();
        return new FlatOptimizer(settings.learningRate(), "mean_square") {
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
