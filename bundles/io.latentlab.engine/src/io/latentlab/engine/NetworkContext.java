package io.latentlab.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.layer.LayerContext;

/** One node's {@link LayerContext}: the pass's mode plus the node's buffers, kept across passes. */
final class NetworkContext implements LayerContext {

    private final Random random;
    private final DataType dataType;
    private final boolean[] inputGradientNeeded;
    private final Map<String, INDArray> buffers = new HashMap<>();
    private boolean training;

    NetworkContext(Random random, DataType dataType, boolean[] inputGradientNeeded) {
        this.random = random;
        this.dataType = dataType;
        this.inputGradientNeeded = inputGradientNeeded;
    }

    NetworkContext training(boolean value) {
        training = value;
        return this;
    }

    @Override
    public boolean training() {
        return training;
    }

    @Override
    public Random random() {
        return random;
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public INDArray buffer(String name, long... shape) {
        INDArray buffer = buffers.get(name);
        if (buffer == null || !Arrays.equals(buffer.shape(), shape)) {
            buffer = Nd4j.createUninitialized(dataType, shape);
            buffers.put(name, buffer);
        }
        return buffer;
    }

    @Override
    public boolean inputGradientNeeded(int input) {
        return inputGradientNeeded[input];
    }

    /** Marks which inputs need gradients; network inputs only when the caller asked for them. */
    void needInputGradient(int input, boolean needed) {
        inputGradientNeeded[input] = needed;
    }
}
