package io.latentlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.engine.Checkpoint;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunDirectory;

/** Runs: what a run directory holds, repeatability, stop and resume to the same numbers, corrupt data. */
class RunTest {

    private static CheckedExperiment small() throws Exception {
        return new ExperimentReader(Fixtures.REGISTRY).check(Path.of("small.experiment.yaml"), Fixtures.SMALL);
    }

    private static List<String> trainLosses(Path run) throws Exception {
        return Files.readAllLines(run.resolve(RunDirectory.METRICS)).stream().filter(l -> l.contains(",train_loss,")).toList();
    }

    @Test
    void aRunKeepsEverythingAndItsLossFalls(@TempDir Path runs) throws Exception {
        Path run = new ExperimentRunner(Fixtures.REGISTRY).run(small(), runs, (line, end) -> { });
        assertTrue(run.getFileName().toString().endsWith("-small-ae"), run.toString());
        for (String file : List.of(RunDirectory.SNAPSHOT, RunDirectory.RESOLVED, RunDirectory.BUNDLES, RunDirectory.METRICS,
                RunDirectory.SUMMARY, RunDirectory.STATUS, RunDirectory.CHECKPOINT, "samples/epoch-003.png", "run.log")) {
            assertTrue(Files.isRegularFile(run.resolve(file)), "missing " + file);
        }
        assertEquals(Fixtures.SMALL, Files.readString(run.resolve(RunDirectory.SNAPSHOT)));
        String progress = Files.readString(run.resolve(RunDirectory.PROGRESS));
        Matcher steps = Pattern.compile("step (\\d+)/(\\d+) .* ex/s  ETA 0:00").matcher(progress);
        assertTrue(steps.find() && steps.group(1).equals(steps.group(2)), "the last progress line is the final step's: "
                + progress);
        String resolved = Files.readString(run.resolve(RunDirectory.RESOLVED));
        assertTrue(resolved.contains("\"beta_2\": 0.999"), resolved);
        // every layer parameter with its default, as README promises
        assertTrue(resolved.contains("\"use_bias\": true") && resolved.contains("\"initializer\": \"xavier_uniform\"")
                && resolved.contains("\"initializer\": \"he_normal\""), resolved);
        assertTrue(Files.readString(run.resolve(RunDirectory.BUNDLES)).contains("\"id\": \"adam\""));
        assertTrue(Files.readString(run.resolve(RunDirectory.STATUS)).startsWith("completed"));
        String summary = Files.readString(run.resolve(RunDirectory.SUMMARY));
        assertTrue(summary.contains("\"status\": \"completed\"") && summary.contains("\"test_bce\""), summary);
        // its one network's trainable values: 784*64+64 + 64*16+16 + 16*64+64 + 64*784+784
        assertTrue(summary.contains("\"autoencoder\": 103328"), summary);
        List<String> losses = trainLosses(run);
        assertEquals(24, losses.size(), "3 epochs of 8 steps");
        double first = Double.parseDouble(losses.get(0).split(",")[3]);
        double last = Double.parseDouble(losses.get(losses.size() - 1).split(",")[3]);
        assertTrue(last < 0.6 * first, "loss went from " + first + " to " + last);
    }

    @Test
    void theSameSeedGivesIdenticalMetrics(@TempDir Path runs) throws Exception {
        Path a = new ExperimentRunner(Fixtures.REGISTRY).run(small(), runs, (line, end) -> { });
        Path b = new ExperimentRunner(Fixtures.REGISTRY).run(small(), runs, (line, end) -> { });
        assertEquals(Files.readAllLines(a.resolve(RunDirectory.METRICS)), Files.readAllLines(b.resolve(RunDirectory.METRICS)));
    }

    @Test
    void aStoppedRunResumesToTheSameNumbersAsAnUninterruptedOne(@TempDir Path runs) throws Exception {
        Path straight = new ExperimentRunner(Fixtures.REGISTRY).run(small(), runs, (line, end) -> { });

        ExperimentRunner stopping = new ExperimentRunner(Fixtures.REGISTRY);
        AtomicInteger reports = new AtomicInteger();
        Path stopped = stopping.run(small(), runs, (line, end) -> {
            if (!end && reports.incrementAndGet() == 1) { // the first report comes at step 8 (end of epoch 1) or 10
                stopping.cancel();
            }
        });
        assertTrue(Files.readString(stopped.resolve(RunDirectory.STATUS)).startsWith("stopped"));
        assertTrue(trainLosses(stopped).size() < 24);

        new ExperimentRunner(Fixtures.REGISTRY).resume(stopped, small(), (line, end) -> { });
        assertTrue(Files.readString(stopped.resolve(RunDirectory.STATUS)).startsWith("completed"));
        assertEquals(trainLosses(straight), trainLosses(stopped));
    }

    @Test
    void keptCheckpointsRotateAndResumeFallsBackPastDamagedOnes(@TempDir Path runs) throws Exception {
        // three epochs, keep_checkpoints 3: last (epoch 3), previous (2), previous-2 (1)
        String text = Fixtures.SMALL.replace("  batch_size: 64", "  batch_size: 64\n  keep_checkpoints: 3");
        CheckedExperiment kept = new ExperimentReader(Fixtures.REGISTRY).check(Path.of("kept.experiment.yaml"), text);
        assertEquals(3, kept.experiment().training().keepCheckpoints());
        Path run = new ExperimentRunner(Fixtures.REGISTRY).run(kept, runs, (line, end) -> { });
        List<String> steps = new ArrayList<>();
        for (String name : List.of(RunDirectory.CHECKPOINT, RunDirectory.olderCheckpoint(1), RunDirectory.olderCheckpoint(2))) {
            Map<String, String> properties = new LinkedHashMap<>();
            Checkpoint.loadArrays(run.resolve(name), properties);
            steps.add(properties.get("step"));
        }
        assertEquals(List.of("24", "16", "8"), steps, "each epoch's end, newest first");
        assertTrue(!Files.exists(run.resolve(RunDirectory.olderCheckpoint(3))), "no more than three kept");

        // the last two damaged: resume goes back to the end of epoch 1 and says so
        Files.writeString(run.resolve(RunDirectory.CHECKPOINT), "damaged");
        Files.delete(run.resolve(RunDirectory.olderCheckpoint(1)));
        List<String> said = new ArrayList<>();
        new ExperimentRunner(Fixtures.REGISTRY).resume(run, kept, (line, end) -> said.add(line));
        assertTrue(said.get(0).startsWith("the last checkpoint cannot be used (checkpoint ") && said.get(0)
                .endsWith("resuming from the one 2 before it, at step 8"), said.get(0));
        assertEquals(24, trainLosses(run).size(), "metrics cut back to step 8, then trained again: one row per step");
    }
}
