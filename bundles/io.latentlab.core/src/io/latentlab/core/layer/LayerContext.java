package io.latentlab.core.layer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.rng.Random;

/** What a layer may know about the current pass. */
public interface LayerContext {

    /** @return {@code true} while training (dropout active, batch statistics), {@code false} in evaluation */
    boolean training();

    /** @return the network's seeded random generator; use it, never a global one, so runs repeat */
    Random random();

    /** @return the network's floating-point type (FLOAT by default, DOUBLE for gradient checks) */
    DataType dataType();
}
