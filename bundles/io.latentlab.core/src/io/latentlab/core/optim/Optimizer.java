package io.latentlab.core.optim;

import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** An optimizer's runtime: its state, and the update it applies to a flat parameter array. */
public interface Optimizer {

    /** @return the configured base learning rate (a schedule may scale it per step) */
    double learningRate();

    /**
     * Allocates the state for a parameter array; called once before the first step.
     *
     * @param length the number of trainable values
     * @param dataType their type
     */
    void initialize(long length, DataType dataType);

    /**
     * Updates the parameters in place.
     *
     * @param parameters the flat trainable parameters, a row vector
     * @param gradients their gradients, same shape; may be overwritten
     * @param step the step number, from 1
     * @param learningRate the learning rate for this step
     */
    void step(INDArray parameters, INDArray gradients, long step, double learningRate);

    /** @return the state arrays by name (live, for checkpoints; restore by assigning into them) */
    Map<String, INDArray> state();
}
