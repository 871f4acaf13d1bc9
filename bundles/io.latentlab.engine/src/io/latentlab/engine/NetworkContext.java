package io.latentlab.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.rng.Random;

import io.latentlab.core.layer.LayerContext;

/** The {@link LayerContext} of a network pass. */
record NetworkContext(boolean training, Random random, DataType dataType) implements LayerContext {
}
