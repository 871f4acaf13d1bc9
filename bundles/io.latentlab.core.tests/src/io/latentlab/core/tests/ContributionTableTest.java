package io.latentlab.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.latentlab.core.ContributionKind;
import io.latentlab.core.ContributionTable;
import io.latentlab.core.InvalidParametersException;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.RegisteredContribution;
import io.latentlab.core.UnknownContributionException;
import io.latentlab.core.layer.LayerFactory;
import io.latentlab.layers.core.Dense;

/** The contribution table: one contribution per id, the highest bundle version winning, duplicates reported. */
class ContributionTableTest {

    @Test
    void duplicateIdsAreReportedAndTheHighestBundleVersionWins() {
        LayerFactory old = new Dense();
        LayerFactory newer = new Dense();
        ContributionTable registry = new ContributionTable();
        registry.add(new RegisteredContribution<>(newer, ContributionKind.LAYER, "io.example.b", "2.1.0"));
        registry.add(new RegisteredContribution<>(old, ContributionKind.LAYER, "io.example.a", "2.0.5"));
        assertTrue(registry.get(LayerFactory.class, "dense") == newer);
        assertEquals(1, registry.duplicates().size());
        assertTrue(registry.duplicates().get(0).message().contains("using io.example.b 2.1.0, ignoring io.example.a 2.0.5"),
                registry.duplicates().get(0).message());
        registry.remove(newer);
        assertTrue(registry.get(LayerFactory.class, "dense") == old);
        assertTrue(registry.duplicates().isEmpty());
    }

    /**
     * An unknown id says first that the plugin which provided it is missing (when a history
     * knows), then "did you mean" a similar installed id; without a history, as before.
     */
    @Test
    void unknownIdsSayWhenTheirPluginIsMissingBeforeSuggesting() {
        ContributionTable registry = new ContributionTable();
        registry.add(new RegisteredContribution<>(new Dense(), ContributionKind.LAYER, "io.latentlab.layers.core", "1.0.0"));
        UnknownContributionException plain = assertThrows(UnknownContributionException.class,
                () -> registry.get(LayerFactory.class, "dence"));
        assertEquals("unknown layer 'dence'; did you mean 'dense'? Installed: dense", plain.getMessage());

        registry.addHistory(id -> "dence".equals(id) || "gated".equals(id)
                ? Optional.of("it came from plugin org.example.dence 1.0.0, which is not installed now") : Optional.empty());
        assertEquals("unknown layer 'dence': it came from plugin org.example.dence 1.0.0, which is not installed now;"
                + " did you mean 'dense'? Installed: dense",
                assertThrows(UnknownContributionException.class, () -> registry.get(LayerFactory.class, "dence")).getMessage());
        assertEquals("unknown layer 'gated': it came from plugin org.example.dence 1.0.0, which is not installed now."
                + " Installed: dense",
                assertThrows(UnknownContributionException.class, () -> registry.get(LayerFactory.class, "gated")).getMessage());
        assertEquals(Optional.empty(), registry.whyMissing("other"));
    }

    /** beta1, Beta-1, learningRate: names that differ only by underscores, hyphens or case are the declared name. */
    @Test
    void parameterNamesFollowTheConventionWhateverTheSpelling() {
        ParameterSchema schema = ParameterSchema.builder()
                .number("beta_1", 0.9, 0.0, 1.0, "", "first moment decay")
                .number("learning_rate", 0.001, 0.0, 10.0, "", "step size").build();
        Parameters parameters = schema.resolve("optimizer 'x'", Map.of("beta1", 0.8, "learningRate", 0.01));
        assertEquals(0.8, parameters.getDouble("beta_1"));
        assertEquals(0.01, parameters.getDouble("learning_rate"));
        assertEquals("beta_1", schema.spec("Beta-1").orElseThrow().name());
        assertTrue(schema.spec("beta2").isEmpty());

        InvalidParametersException twice = assertThrows(InvalidParametersException.class,
                () -> schema.resolve("optimizer 'x'", Map.of("beta1", 0.8, "beta_1", 0.7)));
        assertTrue(twice.getMessage().contains("is 'beta_1', which is given already"), twice.getMessage());
        InvalidParametersException unknown = assertThrows(InvalidParametersException.class,
                () -> schema.resolve("optimizer 'x'", Map.of("beta3", 0.8)));
        assertTrue(unknown.getMessage().contains("unknown parameter 'beta3'; did you mean 'beta_1'?"), unknown.getMessage());
    }
}
