package io.latentlab.engine;

import java.util.Map;

/** Told of training progress: after every step and at the end of every epoch. Called on the training thread. */
public interface TrainingListener {

    /**
     * @param state the state after the step
     * @param metrics the step's metrics
     */
    default void stepDone(TrainingState state, Map<String, Double> metrics) {
    }

    /**
     * @param epoch the epoch just finished, from 0
     * @param state the state after it
     * @param metrics the mean of each step metric over the epoch
     */
    default void epochDone(int epoch, TrainingState state, Map<String, Double> metrics) {
    }
}
