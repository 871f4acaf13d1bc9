package io.latentlab.core.data;

import io.latentlab.core.Contribution;
import io.latentlab.core.Parameters;

/** The contribution for an augmentation: register as a DS component with {@code service = AugmentationFactory.class}. */
public interface AugmentationFactory extends Contribution {

    /**
     * @param parameters resolved against {@link #schema()}
     * @return the augmentation
     */
    Augmentation create(Parameters parameters);

    /**
     * @return whether it works on images [channels, height, width] only (a shift, a rotation);
     *         an experiment whose data are vectors is then refused before training, rather than
     *         trained on vectors taken for one-pixel-high images. By default {@code false}: it
     *         treats values alike, whatever their layout (noise).
     * @since package version 1.1.0
     */
    default boolean needsImages() {
        return false;
    }
}
