package io.latentlab.core.model;

import java.util.List;

import io.latentlab.core.Contribution;

/** The contribution for a model family: register as a DS component with {@code service = ModelFactory.class}. */
public interface ModelFactory extends Contribution {

    /** @return the layer stacks this model takes, e.g. {@code [encoder, decoder]} */
    List<String> stackNames();

    /**
     * @return the keys an experiment may give its own optimizer under {@code optimizers:}: the
     *         {@link TrainedNetwork#optimizerKey()}s of the networks this model builds (default:
     *         its stack names)
     */
    default List<String> networkNames() {
        return stackNames();
    }

    /**
     * @param setup parameters, stacks and dataset facts
     * @return a new model with freshly initialised parameters
     * @throws IllegalArgumentException naming the stack and layer when the setup cannot be built
     */
    Model create(ModelSetup setup);
}
