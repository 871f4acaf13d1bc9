package io.latentlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunDirectory;

/**
 * A stacked autoencoder keeps a checkpoint where each phase begins; a new run branched from the
 * start of fine-tuning with the same settings ends exactly where the original did, and with
 * other settings it differs only from the branch on.
 */
class BranchTest {

    private static final String STACKED = """
            name: stacked
            seed: 3
            dataset: {id: mnist, train_limit: 512, test_limit: 128}
            model:
              id: stacked_autoencoder
              pretrain_epochs: 1
              encoder:
                - dense: {units: 32, activation: relu}
                - dense: {units: 16, activation: relu}
            optimizer: {id: adam, learning_rate: 0.003}
            training: {epochs: 3, batch_size: 64}
            """;

    private static List<String> metrics(Path run) throws IOException {
        return Files.readAllLines(run.resolve(RunDirectory.METRICS));
    }

    @Test
    void branchFromTheStartOfFineTuning(@TempDir Path folder) throws Exception {
        ExperimentReader reader = new ExperimentReader(Fixtures.REGISTRY);
        Path runs = folder.resolve("runs");
        CheckedExperiment original = reader.check(folder.resolve("stacked.experiment.yaml"), STACKED);
        Path run = new ExperimentRunner(Fixtures.REGISTRY).run(original, runs, (line, end) -> { });
        assertTrue(Files.isRegularFile(run.resolve(RunDirectory.phaseCheckpoint(2))), "layer 2's pre-training");
        assertTrue(Files.isRegularFile(run.resolve(RunDirectory.phaseCheckpoint(3))), "fine-tuning");
        long boundary = 16; // 512 images / 64 per batch = 8 steps per epoch; fine-tuning starts at step 17
        assertTrue(Files.readString(run.resolve("run.log")).contains("phase 3 begins at step " + (boundary + 1)));

        Path same = new ExperimentRunner(Fixtures.REGISTRY).branch(run, 3, original, runs, (line, end) -> { });
        assertEquals(metrics(run), metrics(same), "the same settings from the same checkpoint: the same numbers");

        CheckedExperiment slower = reader.check(folder.resolve("slower.experiment.yaml"),
                STACKED.replace("learning_rate: 0.003", "learning_rate: 0.0003"));
        Path branched = new ExperimentRunner(Fixtures.REGISTRY).branch(run, 3, slower, runs, (line, end) -> { });
        List<String> before = metrics(run).stream().filter(l -> l.matches("\\\\d+,.*")
                && Long.parseLong(l.substring(0, l.indexOf(','))) <= boundary).toList();
        assertEquals(before, metrics(branched).subList(1, before.size() + 1), "the source's history up to the branch");
        assertNotEquals(metrics(run).get(metrics(run).size() - 1), metrics(branched).get(metrics(branched).size() - 1));
        assertTrue(Files.readString(branched.resolve(RunDirectory.STATUS)).startsWith("completed"));

        IOException missing = assertThrows(IOException.class, () -> new ExperimentRunner(Fixtures.REGISTRY)
                .branch(run, 7, original, runs, (line, end) -> { }));
        assertTrue(missing.getMessage().contains("no checkpoint where phase 7 begins; it keeps [phase-2.ckpt, phase-3.ckpt]"),
                missing.getMessage());
    }
}
