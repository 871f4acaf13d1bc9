package io.latentlab.core.optim;

/** Scales the learning rate over training. */
public interface LearningRateSchedule {

    /**
     * @param baseRate the optimizer's configured learning rate
     * @param step the step number, from 1
     * @param totalSteps the planned number of steps of the run
     * @return the learning rate for this step
     */
    double rate(double baseRate, long step, long totalSteps);
}
