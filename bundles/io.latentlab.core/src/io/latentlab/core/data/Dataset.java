package io.latentlab.core.data;

import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.core.layer.Shape;

/**
 * Examples split into a training and a test part; features scaled to [0, 1].
 *
 * @param name a description for logs, e.g. {@code MNIST (embedded 10k test set)}
 * @param exampleShape the shape of one example, e.g. [1, 28, 28]
 * @param trainFeatures training examples, first dimension the example index
 * @param trainLabels their class indices as a column [n, 1], or {@code null}
 * @param testFeatures test examples
 * @param testLabels their class indices, or {@code null}
 * @param classes the number of classes (0 when unlabelled)
 */
public record Dataset(String name, Shape exampleShape, INDArray trainFeatures, INDArray trainLabels,
        INDArray testFeatures, INDArray testLabels, int classes) {
}
