package io.latentlab.engine;

import java.util.Map;

/** What one optimisation step does; models with several networks (GANs) implement their own. */
public interface TrainingStep {

    /**
     * @param batch the minibatch
     * @param step the step number, from 1
     * @return the step's metrics by name, e.g. {@code loss}
     * @throws NonFiniteException when a loss or gradient becomes NaN or infinite
     */
    Map<String, Double> step(Batch batch, long step);
}
