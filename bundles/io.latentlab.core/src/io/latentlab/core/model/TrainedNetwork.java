package io.latentlab.core.model;

import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

import io.latentlab.core.layer.Shape;

/**
 * What one optimizer trains: a network's parameters as one flat array, with their gradients.
 * A model lists these ({@link Model#networks()}); the engine checks, clips and updates them and
 * saves them in checkpoints, so a model keeps no optimizer and writes no checkpoint code.
 * Networks built by the engine implement it; so can a model's own array, such as a VQ-VAE's
 * codebook.
 */
public interface TrainedNetwork {

    /** @return unique within its model: names its checkpoint arrays and its metrics, e.g. {@code encoder} */
    String name();

    /**
     * @return the key of the experiment's {@code optimizers:} entry that configures this network's
     *         optimizer (default: its name); networks without an entry use {@code optimizer:}
     */
    default String optimizerKey() {
        return name();
    }

    /** @return every trainable value, one row vector (live: the optimizer updates it in place) */
    INDArray parameters();

    /** @return their gradients after the model computed an update, same shape (live) */
    INDArray gradients();

    /** @return non-trainable state saved with checkpoints (batch-norm statistics), a row vector, or {@code null} */
    default INDArray state() {
        return null;
    }

    /** @return the network's seeded random generator (dropout, noise), saved with checkpoints, or {@code null} */
    default Random random() {
        return null;
    }

    /** @return its layers in graph order, with shapes and parameter counts (for summaries and views) */
    default List<NodeInfo> nodes() {
        return List.of();
    }

    /** @return its input names and shapes */
    default Map<String, Shape> inputShapes() {
        return Map.of();
    }

    /** @return the names of its output nodes */
    default List<String> outputs() {
        return List.of();
    }
}
