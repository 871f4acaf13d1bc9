package @@PACKAGE@@;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
import io.latentlab.core.optim.FlatOptimizer;
import io.latentlab.core.optim.Optimizer;
import io.latentlab.core.optim.OptimizerFactory;

/**
 * @@NAME@@: AdaGrad, w -= lr * g / (sqrt(sum of g^2) + epsilon). {@link FlatOptimizer} gives one
 * flat row of a network's parameters and gradients per step, allocates the named state arrays
 * (checkpointed with the run, so a resumed run continues to the same numbers) and a scratch array.
 * Parameter names follow Latentlab's convention (docs/plugins.md): learning_rate, epsilon, beta_1...
 */
@Component(service = OptimizerFactory.class)
public final class @@CLASS@@ extends AbstractContribution implements OptimizerFactory {

    /** The id experiments write: {@code optimizer: {id: @@ID@@, learning_rate: 0.01}}. */
    public static final String ID = "@@ID@@";

    /** Creates the contribution (Declarative Services calls this). */
    public @@CLASS@@() {
        super(ID, "@@NAME@@", "w -= lr * g / (sqrt(sum g^2) + epsilon).", Settings.class);
    }

    /** The parameters, declared once (experiments write learning_rate, epsilon). */
    record Settings(
            @Setting(doc = "step size", defaultValue = "0.01", min = 0, max = 10) double learningRate,
            @Setting(doc = "added to the denominator", defaultValue = "1e-8", min = 0, max = 1) double epsilon) {
    }

    @Override
    public Optimizer create(Parameters parameters) {
        Settings settings = parameters.as(Settings.class);
        double epsilon = settings.epsilon();
        return new FlatOptimizer(settings.learningRate(), "sum_squares") {
            @Override
            public void step(INDArray weights, INDArray gradients, long step, double learningRate) {
                INDArray sum = state("sum_squares").addi(scratch.assign(gradients).muli(gradients));
                Transforms.sqrt(scratch.assign(sum), false).addi(epsilon);
                weights.subi(scratch.rdivi(gradients).muli(learningRate));
            }
        };
    }
}
