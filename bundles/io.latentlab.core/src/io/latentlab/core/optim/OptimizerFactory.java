package io.latentlab.core.optim;

import io.latentlab.core.Contribution;
import io.latentlab.core.Parameters;

/** The contribution for an optimizer: register as a DS component with {@code service = OptimizerFactory.class}. */
public interface OptimizerFactory extends Contribution {

    /**
     * @param parameters hyper-parameters resolved against {@link #schema()}
     * @return a new optimizer with empty state
     */
    Optimizer create(Parameters parameters);
}
