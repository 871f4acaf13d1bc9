package io.latentlab.core.layer;

import io.latentlab.core.Contribution;
import io.latentlab.core.Parameters;

/** The contribution for a layer type: register as a DS component with {@code service = LayerFactory.class}. */
public interface LayerFactory extends Contribution {

    /**
     * @param parameters resolved against {@link #schema()}
     * @return a new layer instance for one network node
     */
    Layer create(Parameters parameters);
}
