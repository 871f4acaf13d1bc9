package io.latentlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.runs.RunDirectory;
import io.latentlab.runs.RunRecord;

/** A run's record: its configuration flattened for comparison, and the bundles it used against those installed. */
class RunRecordTest {

    @Test
    void configurationIsFlatAndMissingOrChangedBundlesAreNamed(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve(RunDirectory.RESOLVED), """
                {"seed": 1, "optimizers": {"default": {"id": "adam", "learning_rate": 0.001}},
                 "model": {"encoder": [{"dense": {"units": 32}}]}}""");
        Map<String, String> configuration = RunRecord.configuration(run);
        assertEquals("0.001", configuration.get("optimizers.default.learning_rate"));
        assertEquals("32", configuration.get("model.encoder[0].dense.units"));

        Files.writeString(run.resolve(RunDirectory.BUNDLES), """
                [{"kind": "optimizer", "id": "adam", "bundle": "static", "version": "0.0.1"},
                 {"kind": "layer", "id": "swish_layer", "bundle": "org.example.swish", "version": "1.0.0"}]""");
        List<String> differences = RunRecord.bundleDifferences(run, Fixtures.REGISTRY);
        assertEquals(2, differences.size(), differences.toString());
        assertTrue(differences.get(0).contains("the run used static 0.0.1, installed is 0.0.0"),
                differences.get(0));
        assertTrue(differences.get(1).endsWith("org.example.swish 1.0.0 is not installed"), differences.get(1));
    }
}
