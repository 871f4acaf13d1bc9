package org.example.adagrad;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
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
                ParameterSchema.builder()
                        .number("learning_rate", 0.01, 0.0, 10.0, "", "step size")
                        .number("epsilon", 1e-8, 0.0, 1.0, "", "added to the denominator for stability")
                        .build());
    }

    @Override
    public Optimizer create(Parameters parameters) {
        return new AdaGradOptimizer(parameters.getDouble("learning_rate"), parameters.getDouble("epsilon"));
    }

    private static final class AdaGradOptimizer implements Optimizer {

        private final double rate;
        private final double epsilon;
        // Everything kept between steps lives in the state map: checkpoints save it, so a resumed run
        // continues to the same numbers.
        private final Map<String, INDArray> state = new LinkedHashMap<>();

        AdaGradOptimizer(double rate, double epsilon) {
            this.rate = rate;
            this.epsilon = epsilon;
        }

        @Override
        public double learningRate() {
            return rate;
        }

        @Override
        public void initialize(long length, DataType dataType) {
            state.put("sum_squares", Nd4j.zeros(dataType, 1, length));
        }

        @Override
        public void step(INDArray weights, INDArray gradients, long step, double learningRate) {
            INDArray sum = state.get("sum_squares").addi(gradients.mul(gradients));
            weights.subi(gradients.div(Transforms.sqrt(sum, true).addi(epsilon)).muli(learningRate));
        }

        @Override
        public Map<String, INDArray> state() {
            return state;
        }
    }
}
