package io.latentlab.core.optim;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The state plumbing of an optimizer over a flat parameter array, so an optimizer only writes
 * its update: named state arrays of the parameters' length, allocated once and saved with
 * checkpoints, and a scratch array reused every step (steps allocate nothing).
 * <pre>{@code
 * return new FlatOptimizer(parameters.getDouble("learning_rate"), "velocity") {
 *     public void step(INDArray weights, INDArray gradients, long step, double rate) {
 *         state("velocity").muli(momentum).subi(scratch.assign(gradients).muli(rate));
 *         weights.addi(state("velocity"));
 *     }
 * };
 * }</pre>
 */
public abstract class FlatOptimizer implements Optimizer {

    private final double learningRate;
    private final String[] stateNames;
    private final Map<String, INDArray> state = new LinkedHashMap<>();
    /** Reused every step, as long as the parameters; free for the update's intermediate values. */
    protected INDArray scratch;

    /**
     * @param learningRate the configured base rate
     * @param stateNames the names of the state arrays, each as long as the parameters and zero at first
     */
    protected FlatOptimizer(double learningRate, String... stateNames) {
        this.learningRate = learningRate;
        this.stateNames = stateNames.clone();
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

    /**
     * @param name a state array's name, as given to the constructor
     * @return that array (live)
     */
    protected INDArray state(String name) {
        INDArray array = state.get(name);
        if (array == null) {
            throw new IllegalArgumentException("no state array '" + name + "' (declared: " + state.keySet()
                    + "; initialize() allocates them)");
        }
        return array;
    }

    @Override
    public Map<String, INDArray> state() {
        return state;
    }
}
