package io.latentlab.engine;

import java.io.IOException;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The processes that train one model together, each on its shard of every batch (data
 * parallelism): between the model's backward pass and the optimizer's update, {@link ModelStep}
 * sums every process's gradients (each weighted by its share of the batch) through this, so all
 * processes apply the identical update to identical parameters.
 */
public interface GradientExchange {

    /**
     * Replaces {@code values} in place by the sum of the same array over every process, identical
     * to the last bit in each (the same additions in the same order everywhere).
     *
     * @param values a flat array, of the same length and type in every process
     * @param step the training step (processes check that they agree on it)
     * @throws IOException if a process is lost or disagrees: the step cannot be completed anywhere
     */
    void sum(INDArray values, long step) throws IOException;

    /** @return the number of processes (1: training alone) */
    int processes();

    /** @return this process's place among them, from 0 (0 writes the run) */
    int rank();
}
