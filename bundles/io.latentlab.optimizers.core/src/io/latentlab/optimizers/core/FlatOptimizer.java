package io.latentlab.optimizers.core;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.optim.Optimizer;

/** Shared bookkeeping: named state arrays of the parameters' length, allocated once, and a scratch array. */
abstract class FlatOptimizer implements Optimizer {

    private final double learningRate;
    private final String[] stateNames;
    private final Map<String, INDArray> state = new LinkedHashMap<>();
    /** Reused every step, so steps allocate nothing. */
    protected INDArray scratch;

    FlatOptimizer(double learningRate, String... stateNames) {
        this.learningRate = learningRate;
        this.stateNames = stateNames;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void initialize(long length, DataType dataType) {
        for (String name : stateNames) {
            state.put(name, Nd4j.zeros(dataType, 1, length));
        }
        scratch = Nd4j.zeros(dataType, 1, length);
    }

    /** @return a state array by name */
    protected INDArray state(String name) {
        return state.get(name);
    }

    @Override
    public Map<String, INDArray> state() {
        return state;
    }
}
