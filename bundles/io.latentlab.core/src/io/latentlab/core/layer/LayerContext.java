package io.latentlab.core.layer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/** What a layer may know about the current pass, and where it may keep arrays between passes. */
public interface LayerContext {

    /** @return {@code true} while training (dropout active, batch statistics), {@code false} in evaluation */
    boolean training();

    /** @return the network's seeded random generator; use it, never a global one, so runs repeat */
    Random random();

    /** @return the network's floating-point type (FLOAT by default, DOUBLE for gradient checks) */
    DataType dataType();

    /**
     * An array this layer owns across passes, for outputs and gradients: allocating a fresh
     * array per step costs more than many of the ops themselves. The same {@code name} and
     * shape return the same array (contents left from the previous pass); a new shape (a
     * smaller last batch) allocates anew. What a layer returns from such a buffer is valid
     * until its next pass, which is the engine's contract for all layer outputs.
     *
     * @param name unique within the layer, e.g. {@code output}
     * @param shape the shape wanted, batch first
     * @return an array of the network's data type with that shape
     */
    INDArray buffer(String name, long... shape);

    /**
     * @param input an input index
     * @return whether the caller needs dLoss/dInput for it; {@code false} lets a layer skip that
     *         work (e.g. a first layer reading the network's data)
     */
    default boolean inputGradientNeeded(int input) {
        return true;
    }
}
