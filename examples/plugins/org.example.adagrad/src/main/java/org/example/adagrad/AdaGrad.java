package org.example.adagrad;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
import io.latentlab.core.optim.FlatOptimizer;
import io.latentlab.core.optim.Optimizer;
import io.latentlab.core.optim.OptimizerFactory;

/** AdaGrad: G += g^2; w -= learning_rate * g / (sqrt(G) + epsilon). Rarely updated weights keep large steps. */
@Component(service = OptimizerFactory.class)
public final class AdaGrad extends AbstractContribution implements OptimizerFactory {

    /** Contribution id, as experiments write it. */
    public static final String ID = "adagrad";

    /** Creates the contribution (DS calls this). */
    public AdaGrad() {
        super(ID, "AdaGrad", "w -= lr * g / (sqrt(sum of g^2) + eps): per-weight steps that shrink as gradients add up.",
                Settings.class);
    }

    /** AdaGrad's parameters, declared once: experiments write learning_rate and epsilon. */
    record Settings(
            @Setting(doc = "step size", defaultValue = "0.01", min = 0, max = 10) double learningRate,
            @Setting(doc = "added to the denominator for stability", defaultValue = "1e-8", min = 0, max = 1)
            double epsilon) {
    }

    @Override
    public Optimizer create(Parameters parameters) {
        Settings settings = parameters.as(Settings.class);
        double epsilon = settings.epsilon();
        // FlatOptimizer keeps the named state arrays (saved with checkpoints, so a resumed run
        // continues to the same numbers) and a scratch array; we write only the update.
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
