package io.latentlab.core.model;

import java.util.List;

/**
 * One optimizer update within a training step: which of the model's networks it trains. Most
 * models make one update of all their networks per step; a GAN makes {@code d_steps}
 * discriminator updates and then a generator update; a model trained in phases (the stacked
 * autoencoder) names the networks of the current phase.
 *
 * @param name names the update in messages and in its metrics (e.g. {@code grad_norm_generator})
 * @param networks the names of the networks it updates, each with its own optimizer
 * @param rateScale multiplies their learning rates in this update (1 normally; e.g. a smaller
 *        rate for layer-wise pre-training)
 * @param freshOptimizers whether their optimizers start anew here: state zeroed and their step
 *        count back to 1, as a separately started training would (e.g. where fine-tuning begins)
 */
public record Update(String name, List<String> networks, double rateScale, boolean freshOptimizers) {

    /** Copies the list. */
    public Update {
        networks = List.copyOf(networks);
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("update '" + name + "' trains no network");
        }
    }

    /**
     * @param name the update's name
     * @param networks the networks it updates
     * @return an update at the optimizers' own learning rates
     */
    public static Update of(String name, String... networks) {
        return new Update(name, List.of(networks), 1.0, false);
    }
}
