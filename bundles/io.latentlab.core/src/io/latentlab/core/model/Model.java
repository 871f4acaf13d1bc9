package io.latentlab.core.model;

import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trainable model: the networks it trains, how one update computes their gradients (its own
 * mathematics: forward passes, loss terms, backward passes), evaluation on held-out data, and
 * images to show. The engine owns the rest of every training step: it checks values for NaN
 * and infinity (naming the layer and the contribution that produced one), clips gradients,
 * applies learning-rate schedules and optimizers, logs each loss term, gradient norm and
 * learning rate, and checkpoints the networks with their optimizers.
 */
public interface Model {

    /**
     * @return the networks the model trains, in the order it builds them, each with a name
     *         unique within the model
     */
    List<TrainedNetwork> networks();

    /**
     * The updates of one training step, in order. By default one update of every network.
     *
     * @param step the step number, from 1 (a model with phases decides its phase from it alone,
     *        so a resumed run is in the same phase)
     * @return the updates
     */
    default List<Update> updates(long step) {
        return List.of(new Update("step", networks().stream().map(TrainedNetwork::name).toList(), 1.0, false));
    }

    /**
     * Computes one update's loss and the gradients of the update's networks (written into their
     * {@link TrainedNetwork#gradients()}); the engine then checks, clips and applies them.
     *
     * @param update one of {@link #updates(long)}
     * @param features a minibatch, batch first, shaped [batch, example shape...] (augmented)
     * @param labels their class indices [batch, 1], or {@code null}
     * @param step the step number, from 1
     * @return the update's metrics: {@code loss} (what the gradients are of) and any terms it is
     *         made of, e.g. {@code reconstruction} and {@code kl}
     */
    Map<String, Double> computeGradients(Update update, INDArray features, INDArray labels, long step);

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
     * Figures beyond the sample grid (see {@link Figure}), drawn whenever the runner writes a
     * sample grid and kept per epoch; none by default. A figure that throws is left out and the
     * failure written to the run's log: training goes on.
     *
     * @param features held-out examples, the sample grid's first (up to 1,000: a model shows as
     *        many as it needs)
     * @param labels their labels, or {@code null}
     * @return the figures, each id once
     */
    default List<Figure> figures(INDArray features, INDArray labels) {
        return List.of();
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
        return decode(Nd4j.getRandomFactory().getNewRandomInstance(seed)
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

    /**
     * @return arrays the model keeps beyond its networks' parameters, state and optimizers, to be
     *         checkpointed (live: restored by assigning into them); none by default
     */
    default Map<String, INDArray> extraState() {
        return Map.of();
    }

    /** @return the contribution ids the model uses (layers, losses, augmentations); the engine adds the optimizers */
    List<String> contributionIds();
}
