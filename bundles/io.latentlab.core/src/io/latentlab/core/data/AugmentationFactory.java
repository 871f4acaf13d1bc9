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
}
