package io.latentlab.experiments.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.experiments.InvalidExperimentException;
import io.latentlab.experiments.RunDirectory;
import io.latentlab.experiments.Sweep;

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

        assertEquals(4, io.latentlab.experiments.RunInfo.list(folder).size(), "the trials are listed from the runs folder");
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

    @Test
    void aSweptFieldThatDoesNotExistIsReported(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("small.experiment.yaml");
        Files.writeString(file, Fixtures.SMALL + SWEEP.replace("model.encoder[1]", "model.encoder[5]"));
        InvalidExperimentException e = assertThrows(InvalidExperimentException.class, () -> new Sweep(Fixtures.REGISTRY)
                .trials(file));
        assertTrue(e.getMessage().contains("no field 'model.encoder[5].dense.units'"), e.getMessage());
    }
}
