package io.latentlab.core.loss;

import io.latentlab.core.Contribution;
import io.latentlab.core.Parameters;

/** The contribution for a loss: register as a DS component with {@code service = LossFactory.class}. */
public interface LossFactory extends Contribution {

    /**
     * @param parameters resolved against {@link #schema()}
     * @return a new loss instance
     */
    Loss create(Parameters parameters);
}
