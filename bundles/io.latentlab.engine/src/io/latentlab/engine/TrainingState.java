package io.latentlab.engine;

/**
 * Where training is: the next batch to run.
 *
 * @param epoch the current epoch, from 0
 * @param batchInEpoch batches of that epoch already done
 * @param step steps done in total
 */
public record TrainingState(int epoch, long batchInEpoch, long step) {

    /** The state before the first step. */
    public static final TrainingState START = new TrainingState(0, 0, 0);
}
