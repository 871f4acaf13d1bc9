package io.latentlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One minibatch.
 *
 * @param features the inputs, batch first
 * @param labels the targets or labels, batch first, or {@code null} (unsupervised)
 */
public record Batch(INDArray features, INDArray labels) {

    /** @return the number of examples */
    public long size() {
        return features.size(0);
    }
}
