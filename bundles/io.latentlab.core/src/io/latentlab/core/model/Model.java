package io.latentlab.core.model;

import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainable model: one optimisation step per minibatch, evaluation on held-out data, and
 * images to show. Its checkpoint is {@link #state()}: every array that must be saved to resume
 * to the same numbers, given back by {@link #restore}.
 */
public interface Model {

    /**
     * @param features a minibatch, batch first, shaped [batch, example shape...]
     * @param labels their class indices [batch, 1], or {@code null}
     * @param step the step number, from 1
     * @param totalSteps the planned number of steps
     * @return the step's metrics, e.g. {@code loss}
     */
    Map<String, Double> trainStep(INDArray features, INDArray labels, long step, long totalSteps);

    /**
     * @param features held-out examples
     * @param labels their labels, or {@code null}
     * @return evaluation metrics, e.g. {@code test_bce}
     */
    Map<String, Double> evaluate(INDArray features, INDArray labels);

    /**
     * @param features a few examples
     * @return images to show, values in [0, 1], shaped like the inputs (e.g. reconstructions)
     */
    INDArray sample(INDArray features);

    /**
     * What to show for a few examples, as views shown in bands one above the other: by default
     * the inputs and {@link #sample}; an image-to-image model shows its corrupted input, its
     * output and the target.
     *
     * @param features a few examples
     * @param labels their labels (for conditional models), or {@code null}
     * @return views of one image per example each, values in [0, 1]
     */
    default List<INDArray> illustrate(INDArray features, INDArray labels) {
        return List.of(features, sample(features));
    }

    /**
     * Images generated from the model's prior (a VAE's N(0, I), a GAN's noise), drawn from a
     * generator seeded with {@code seed}. By default, codes z ~ N(0, I) through {@link #decode}.
     *
     * @param count how many images
     * @param seed the seed of the draw
     * @return images in [0, 1], shaped like the inputs
     * @throws UnsupportedOperationException if the model cannot generate
     */
    default INDArray generate(int count, long seed) {
        if (latentDimensions() == 0) {
            throw new UnsupportedOperationException("this model cannot generate images from a prior");
        }
        return decode(org.nd4j.linalg.factory.Nd4j.getRandomFactory().getNewRandomInstance(seed)
                .nextGaussian(new long[] {count, latentDimensions()}));
    }

    /**
     * Per-example anomaly scores, higher meaning less like the training data (for an
     * autoencoder, the reconstruction error). Used by {@code latentlab anomaly}.
     *
     * @param features examples
     * @return one score per example, shape [n]
     * @throws UnsupportedOperationException if the model has no such score
     */
    default INDArray anomalyScores(INDArray features) {
        throw new UnsupportedOperationException("this model gives no anomaly scores");
    }

    /**
     * Latent codes of examples (an autoencoder's code layer, a VAE's posterior mean), for
     * clustering and latent-space views.
     *
     * @param features examples
     * @return one code per example, [n, code size]
     * @throws UnsupportedOperationException if the model has no latent space
     */
    default INDArray encode(INDArray features) {
        throw new UnsupportedOperationException("this model has no latent codes");
    }

    /**
     * Images from latent codes (a VAE's decoder, a GAN's generator): generation from the prior,
     * latent maps and interpolation.
     *
     * @param codes one code per image, [n, {@link #latentDimensions()}]
     * @return images in [0, 1], shaped like the inputs
     * @throws UnsupportedOperationException if the model cannot decode codes
     */
    default INDArray decode(INDArray codes) {
        throw new UnsupportedOperationException("this model cannot decode latent codes");
    }

    /**
     * Class probabilities, for classifiers (and for scoring generated images with one).
     *
     * @param features examples
     * @return [n, classes], rows summing to 1
     * @throws UnsupportedOperationException if the model does not classify
     */
    default INDArray classProbabilities(INDArray features) {
        throw new UnsupportedOperationException("this model does not classify");
    }

    /** @return the size of the latent codes {@link #decode} takes, or 0 if it cannot decode */
    default int latentDimensions() {
        return 0;
    }

    /** @return the name of the headline metric of {@link #evaluate} (for run lists) */
    String headlineMetric();

    /** @return every array to checkpoint, by name: parameters, optimizer state, random generator state */
    Map<String, INDArray> state();

    /**
     * @param saved arrays from an earlier {@link #state()} of a model built from the same setup
     * @throws IllegalArgumentException naming the array that is missing or of another size
     */
    void restore(Map<String, INDArray> saved);

    /** @return the contribution ids the model uses (layers, losses, optimizers) */
    List<String> contributionIds();
}
