package io.latentlab.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.loss.Loss;
import io.latentlab.core.loss.LossFactory;

/** Creates the losses models use, by id from the registry, so a plugin's loss serves as well as ours. */
public final class Losses {

    private Losses() {
    }

    /**
     * @param registry the installed contributions
     * @param id a loss id
     * @param parameters its parameters
     * @return a new loss
     * @throws io.latentlab.core.UnknownContributionException if no such loss is installed
     * @throws io.latentlab.core.InvalidParametersException if the parameters do not fit its schema
     */
    public static Loss create(ContributionRegistry registry, String id, Map<String, ?> parameters) {
        LossFactory factory = registry.get(LossFactory.class, id);
        return factory.create(factory.schema().resolve("loss '" + id + "'", parameters));
    }

    /**
     * A loss between one prediction and a target, as an experiment chose it for a model (e.g. a
     * reconstruction loss): {@code preferred} parameters are set where the loss declares them
     * (a VAE wants {@code reduction: sum}, nats per example), the others left at its defaults.
     *
     * @param registry the installed contributions
     * @param id the chosen loss id
     * @param role what the model uses it for, for messages, e.g. {@code reconstruction loss}
     * @param preferred parameters the model wants if the loss has them
     * @return a new loss
     * @throws IllegalArgumentException if the loss is not one of a prediction and a target
     */
    public static Loss ofPrediction(ContributionRegistry registry, String id, String role, Map<String, ?> preferred) {
        LossFactory factory = registry.get(LossFactory.class, id);
        Map<String, Object> parameters = new LinkedHashMap<>();
        preferred.forEach((name, value) -> {
            if (factory.schema().spec(name).isPresent()) {
                parameters.put(name, value);
            }
        });
        Loss loss = factory.create(factory.schema().resolve("loss '" + id + "'", parameters));
        if (loss.arity() != 1 || !loss.needsTarget()) {
            throw new IllegalArgumentException("loss '" + id + "' cannot be the " + role + ": it takes " + loss.arity()
                    + " prediction(s)" + (loss.needsTarget() ? "" : " and no target") + ", and the " + role
                    + " compares one prediction with a target");
        }
        return loss;
    }
}
