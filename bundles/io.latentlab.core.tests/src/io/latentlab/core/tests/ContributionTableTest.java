package io.latentlab.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.latentlab.core.ContributionKind;
import io.latentlab.core.ContributionTable;
import io.latentlab.core.RegisteredContribution;
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
}
