package io.latentlab.core.data;

import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Changes a training batch at random (noise, shifts, flips, occlusion); never the test set. */
public interface Augmentation {

    /**
     * @param batch images [n, channels, height, width] (or vectors) in [0, 1]; do not modify
     * @param random the generator to draw from (seeded per step, so runs and resumed runs repeat)
     * @return the augmented batch, a new array
     */
    INDArray apply(INDArray batch, SplittableRandom random);
}
