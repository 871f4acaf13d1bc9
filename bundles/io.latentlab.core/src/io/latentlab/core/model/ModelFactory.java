package io.latentlab.core.model;

import java.util.List;

import io.latentlab.core.Contribution;

/** The contribution for a model family: register as a DS component with {@code service = ModelFactory.class}. */
public interface ModelFactory extends Contribution {

    /** The optimizer key used for every stack without its own. */
    String DEFAULT_OPTIMIZER = "default";

    /** @return the layer stacks this model takes, e.g. {@code [encoder, decoder]} */
    List<String> stackNames();

    /**
     * @param setup parameters, stacks and dataset facts
     * @return a new model with freshly initialised parameters
     * @throws IllegalArgumentException naming the stack and layer when the setup cannot be built
     */
    Model create(ModelSetup setup);
}
