package io.latentlab.optimizers.core;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Setting;
import io.latentlab.core.Parameters;
import io.latentlab.core.optim.FlatOptimizer;
import io.latentlab.core.optim.Optimizer;
import io.latentlab.core.optim.OptimizerFactory;

/** Plain stochastic gradient descent: w -= learning_rate * g. */
@Component(service = OptimizerFactory.class)
public final class Sgd extends AbstractContribution implements OptimizerFactory {

    /** Contribution id. */
    public static final String ID = "sgd";

    /** Creates the contribution. */
    public Sgd() {
        super(ID, "SGD", "w -= learning_rate * g.", Settings.class);
    }

    /** SGD's settings. */
    record Settings(@Setting(doc = "step size", defaultValue = "0.01", min = 0, max = 10) double learningRate) {
    }

    @Override
    public Optimizer create(Parameters parameters) {
        return new FlatOptimizer(parameters.as(Settings.class).learningRate()) {
            @Override
            public void step(INDArray weights, INDArray gradients, long step, double learningRate) {
                weights.subi(scratch.assign(gradients).muli(learningRate));
            }
        };
    }
}
