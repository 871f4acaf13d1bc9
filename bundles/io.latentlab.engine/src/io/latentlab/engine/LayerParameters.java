package io.latentlab.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.latentlab.core.Contribution;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.ParameterProblem;
import io.latentlab.core.Parameters;
import io.latentlab.core.UnknownContributionException;
import io.latentlab.core.layer.ActivationFactory;
import io.latentlab.core.layer.LayerFactory;

/**
 * A layer's parameters as written, checked and resolved in one place: the layer's own schema,
 * plus the {@code activation} every layer accepts (an activation id applied to its output). The
 * experiment reader uses {@link #check} to report problems at their lines before any work; the
 * engine uses {@link #resolve} when it builds the layer.
 */
public final class LayerParameters {

    /** The parameter every layer accepts: an activation id applied to its output. */
    public static final String ACTIVATION = "activation";
    /** What an unknown activation id's problem expects instead. */
    public static final String INSTALLED_ACTIVATION = "an installed activation";

    private LayerParameters() {
    }

    /**
     * A layer's resolved parameters and its activation.
     *
     * @param factory the layer's contribution
     * @param parameters its parameters with defaults, without {@code activation}
     * @param activation the activation's contribution, or {@code null} for none (or identity)
     */
    public record Resolved(LayerFactory factory, Parameters parameters, LayerFactory activation) {
    }

    /**
     * @param registry the installed contributions
     * @param type the layer id
     * @param given its parameters as written, {@code activation} included
     * @return every problem, by parameter ({@code activation} for an unknown activation; an empty
     *         parameter name for an unknown layer id); empty when the layer builds
     */
    public static List<ParameterProblem> check(ContributionRegistry registry, String type, Map<String, ?> given) {
        List<ParameterProblem> problems = new ArrayList<>();
        Optional<LayerFactory> factory = registry.find(LayerFactory.class, type);
        if (factory.isEmpty()) {
            problems.add(new ParameterProblem("", "an installed layer", type, unknown(registry, "layer", type,
                    LayerFactory.class)));
            return problems;
        }
        Map<String, Object> own = new LinkedHashMap<>(given);
        Object activation = own.remove(ACTIVATION);
        if (activation != null && registry.find(LayerFactory.class, String.valueOf(activation)).isEmpty()) {
            problems.add(new ParameterProblem(ACTIVATION, INSTALLED_ACTIVATION, String.valueOf(activation),
                    unknown(registry, "activation", String.valueOf(activation), ActivationFactory.class)));
        }
        problems.addAll(factory.get().schema().check(own));
        return problems;
    }

    /**
     * @param registry the installed contributions
     * @param owner names the layer in messages, e.g. {@code layer 'encoder1' (dense)}
     * @param type the layer id
     * @param given its parameters as written, {@code activation} included
     * @return the layer's contribution, resolved parameters and activation
     * @throws io.latentlab.core.UnknownContributionException for an unknown layer or activation id
     * @throws io.latentlab.core.InvalidParametersException listing the parameters' problems
     */
    public static Resolved resolve(ContributionRegistry registry, String owner, String type, Map<String, ?> given) {
        LayerFactory factory = registry.get(LayerFactory.class, type); // activations are layers too
        Map<String, Object> own = new LinkedHashMap<>(given);
        Object activation = own.remove(ACTIVATION);
        LayerFactory activationFactory = activation == null || "identity".equals(String.valueOf(activation)) ? null
                : registry.get(LayerFactory.class, String.valueOf(activation));
        return new Resolved(factory, factory.schema().resolve(owner, own), activationFactory);
    }

    /**
     * @return "unknown layer 'x': why it is missing, when known; did you mean 'y'? Installed: a, b"
     *         for an id no bundle provides
     */
    static String unknown(ContributionRegistry registry, String kind, String id,
            Class<? extends Contribution> type) {
        return UnknownContributionException.of(registry, kind, id, type).getMessage();
    }
}
