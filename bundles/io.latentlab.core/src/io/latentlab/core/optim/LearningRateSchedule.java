package io.latentlab.core.optim;

import java.util.Map;

/**
 * Scales the learning rate over training. The engine asks for the rate before every update;
 * a schedule that follows evaluations (reduce-on-plateau) is told of each one. What a schedule
 * changes between steps must be in {@link #state()}, so a resumed run continues to the same rates.
 */
public interface LearningRateSchedule {

    /**
     * @param baseRate the optimizer's configured learning rate
     * @param step the step number, from 1
     * @param totalSteps the planned number of steps of the run
     * @return the learning rate for this step
     */
    double rate(double baseRate, long step, long totalSteps);

    /**
     * An evaluation on the test set finished. By default ignored.
     *
     * @param metrics the evaluation's metrics by name
     * @param headlineMetric the name of the model's headline metric
     */
    default void evaluated(Map<String, Double> metrics, String headlineMetric) {
    }

    /** @return the values the schedule changes as training goes (empty for a function of the step alone) */
    default double[] state() {
        return new double[0];
    }

    /**
     * @param saved values from an earlier {@link #state()} of a schedule with the same parameters
     * @throws IllegalArgumentException if they are of another length
     */
    default void restore(double[] saved) {
        if (saved.length != state().length) {
            throw new IllegalArgumentException("schedule state of " + saved.length + " values, not " + state().length);
        }
    }
}
