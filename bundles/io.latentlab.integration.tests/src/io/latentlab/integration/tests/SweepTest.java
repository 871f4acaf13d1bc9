package io.latentlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.experiments.InvalidExperimentException;
import io.latentlab.runs.RunDirectory;
import io.latentlab.runs.RunInfo;
import io.latentlab.studies.Sweep;

/** A 2x2 grid sweep on a small subset: four trials in parallel, a table, and a second start that trains nothing. */
class SweepTest {

    private static final String SWEEP = """
            sweep:
              method: grid
              parameters:
                optimizer.learning_rate: [0.001, 0.01]
                model.encoder[1].dense.units: [8, 16]
            """;

    @Test
    void aGridSweepRunsEveryTrialOnceAndResumesWithoutRetraining(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("small.experiment.yaml");
        Files.writeString(file, Fixtures.SMALL.replace("epochs: 3", "epochs: 1") + SWEEP);
        Sweep sweep = new Sweep(Fixtures.REGISTRY);
        List<Sweep.Trial> trials = sweep.trials(file);
        assertEquals(4, trials.size());
        assertEquals(Map.of("optimizer.learning_rate", 0.01, "model.encoder[1].dense.units", 8), trials.get(2).values());
        assertTrue(trials.get(2).text().contains("units: 8"), trials.get(2).text());

        Path sweepFolder = folder.resolve("sweep-small");
        List<Sweep.Outcome> outcomes = sweep.run(file, trials, sweepFolder, 2, (line, end) -> { });
        assertEquals(4, outcomes.size());
        assertTrue(outcomes.stream().allMatch(o -> "completed".equals(o.info().status())));
        assertEquals(4, outcomes.stream().map(o -> o.info().headlineValue()).distinct().count(), "four different trials");
        Sweep.writeTable(outcomes, sweepFolder.resolve("sweep.csv"));
        List<String> table = Files.readAllLines(sweepFolder.resolve("sweep.csv"));
        assertEquals("trial,optimizer.learning_rate,model.encoder[1].dense.units,status,headline_metric,value", table.get(0));
        assertEquals(5, table.size());

        assertEquals(4, RunInfo.list(folder).size(), "the trials are listed from the runs folder");
        long metricsSize = Files.size(outcomes.get(0).run().resolve(RunDirectory.METRICS));
        List<Sweep.Outcome> again = sweep.run(file, trials, sweepFolder, 2, (line, end) -> { });
        assertEquals(outcomes.stream().map(Sweep.Outcome::run).toList(), again.stream().map(Sweep.Outcome::run).toList());
        assertEquals(metricsSize, Files.size(again.get(0).run().resolve(RunDirectory.METRICS)), "completed trials are skipped");
    }

    /**
     * Median rule, one trial at a time: the third trial (a learning rate far too small) is worse
     * after its first epoch than both earlier trials were then, so it stops there; a second start
     * of the sweep leaves it stopped.
     */
    @Test
    void theMedianRuleStopsAHopelessTrialAfterItsFirstEpoch(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("small.experiment.yaml");
        Files.writeString(file, Fixtures.SMALL + """
                sweep:
                  method: grid
                  parameters:
                    optimizer.learning_rate: [0.003, 0.002, 0.00001]
                  early_stopping: median
                """);
        Sweep sweep = new Sweep(Fixtures.REGISTRY);
        List<Sweep.Trial> trials = sweep.trials(file);
        Path sweepFolder = folder.resolve("sweep-small");
        List<Sweep.Outcome> outcomes = sweep.run(file, trials, sweepFolder, 1, (line, end) -> { });
        assertEquals("completed", outcomes.get(0).info().status());
        assertEquals("completed", outcomes.get(1).info().status());
        Sweep.Outcome hopeless = outcomes.get(2);
        assertEquals("stopped", hopeless.info().status());
        String reason = Files.readString(hopeless.run().resolve(Sweep.EARLY_STOP));
        assertTrue(reason.startsWith("median rule: test_bce ") && reason.contains("at epoch 1 is worse than the median"),
                reason);
        assertTrue(Files.readString(hopeless.run().resolve(RunDirectory.METRICS)).lines()
                .noneMatch(line -> line.contains(",2,test_bce,")), "it trained no second epoch");
        Sweep.writeTable(outcomes, sweepFolder.resolve("sweep.csv"));
        assertTrue(Files.readAllLines(sweepFolder.resolve("sweep.csv")).get(3).contains(",stopped early,"));

        long metricsSize = Files.size(hopeless.run().resolve(RunDirectory.METRICS));
        sweep.run(file, trials, sweepFolder, 1, (line, end) -> { });
        assertEquals(metricsSize, Files.size(hopeless.run().resolve(RunDirectory.METRICS)), "not resumed");
    }

    /**
     * As a cluster runs it: each trial trained by its own process (here its own Sweep, as a task's
     * `latentlab sweep --trial` is) into one shared folder; the hopeless trial is judged against the
     * others' metrics read from their runs, and stops after its first epoch as in one process.
     */
    @Test
    void theMedianRuleCountsTrialsOfOtherProcessesFromTheSharedFolder(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("small.experiment.yaml");
        Files.writeString(file, Fixtures.SMALL + """
                sweep:
                  method: grid
                  parameters:
                    optimizer.learning_rate: [0.003, 0.002, 0.00001]
                  early_stopping: median
                """);
        List<Sweep.Trial> trials = new Sweep(Fixtures.REGISTRY).trials(file);
        Path shared = folder.resolve("sweep-small");
        List<Sweep.Outcome> outcomes = new java.util.ArrayList<>();
        for (Sweep.Trial trial : trials) {
            outcomes.add(new Sweep(Fixtures.REGISTRY).run(file, List.of(trial), shared, 1, (line, end) -> { }).get(0));
        }
        assertEquals(List.of("completed", "completed", "stopped"), outcomes.stream().map(o -> o.info().status()).toList());
        assertTrue(Files.readString(outcomes.get(2).run().resolve(Sweep.EARLY_STOP)).contains("of 2 other trials"));
    }

    @Test
    void aSweptFieldThatDoesNotExistIsReported(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("small.experiment.yaml");
        Files.writeString(file, Fixtures.SMALL + SWEEP.replace("model.encoder[1]", "model.encoder[5]"));
        InvalidExperimentException e = assertThrows(InvalidExperimentException.class, () -> new Sweep(Fixtures.REGISTRY)
                .trials(file));
        assertTrue(e.getMessage().contains("no field 'model.encoder[5].dense.units'"), e.getMessage());
    }

    @Test
    void aMisspeltFieldOfTheSweepBlockIsReportedAtItsLineWithASuggestion(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("small.experiment.yaml");
        Files.writeString(file, Fixtures.SMALL + SWEEP + "  early_stoping: median\n  mehtod: grid\n");
        InvalidExperimentException e = assertThrows(InvalidExperimentException.class, () -> new Sweep(Fixtures.REGISTRY)
                .trials(file));
        int line = (int) (Fixtures.SMALL.lines().count() + SWEEP.lines().count()) + 1;
        assertTrue(e.getMessage().contains("small.experiment.yaml:" + line + ":3: sweep.early_stoping: unknown field"
                + " 'early_stoping'; did you mean 'early_stopping'?"), e.getMessage());
        assertTrue(e.getMessage().contains("sweep.mehtod: unknown field 'mehtod'; did you mean 'method'?"), e.getMessage());
    }

    @Test
    void everyBadTrialIsReportedAtTheSweepValueItTook(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("small.experiment.yaml");
        Files.writeString(file, Fixtures.SMALL + """
                sweep:
                  parameters:
                    optimizer.learning_rate: [0.001, -1, -2]
                """);
        InvalidExperimentException e = assertThrows(InvalidExperimentException.class, () -> new Sweep(Fixtures.REGISTRY)
                .trials(file));
        // at the sweep's value that the trial took: the line and column to edit
        int sweepLine = (int) Fixtures.SMALL.lines().count() + 3;
        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals(sweepLine, e.problems().get(0).line(), e.getMessage());
        assertEquals("    optimizer.learning_rate: [0.001, ".length() + 1, e.problems().get(0).column(), e.getMessage());
        assertEquals("    optimizer.learning_rate: [0.001, -1, ".length() + 1, e.problems().get(1).column(), e.getMessage());
        assertTrue(e.problems().get(0).message().startsWith("sweep trial 2 {optimizer.learning_rate=-1}: adam:"),
                e.getMessage());
        assertTrue(e.problems().get(1).message().startsWith("sweep trial 3 {optimizer.learning_rate=-2}: adam:"),
                e.getMessage());
    }

    /** What Ctrl-C does to `latentlab sweep`: every trial stops after its current step, and none starts after. */
    @Test
    void cancellingASweepStopsItsTrialsAndStartsNoMore(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("small.experiment.yaml");
        Files.writeString(file, Fixtures.SMALL.replace("epochs: 3", "epochs: 50") + SWEEP);
        Sweep sweep = new Sweep(Fixtures.REGISTRY);
        List<Sweep.Trial> trials = sweep.trials(file);
        Path sweepFolder = folder.resolve("sweep-small");
        AtomicReference<List<Sweep.Outcome>> result = new AtomicReference<>();
        Thread running = new Thread(() -> {
            try {
                result.set(sweep.run(file, trials, sweepFolder, 2, (line, end) -> { }));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        running.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (RunInfo.list(folder).stream().noneMatch(info -> "running".equals(info.status()))) {
            assertTrue(System.nanoTime() < deadline, "no trial started training");
            Thread.sleep(50);
        }
        sweep.cancel();
        running.join(60_000);
        assertTrue(!running.isAlive(), "the sweep stopped");
        List<Sweep.Outcome> outcomes = result.get();
        assertTrue(outcomes.stream().noneMatch(o -> o.info() != null && "completed".equals(o.info().status())), "no trial"
                + " trained its 50 epochs");
        assertTrue(outcomes.stream().anyMatch(o -> o.run() == null), "the trials after the first two never started");
        Sweep.writeTable(outcomes, sweepFolder.resolve("sweep.csv"));
        assertTrue(Files.readString(sweepFolder.resolve("sweep.csv")).contains(",not started,"));
    }
}
