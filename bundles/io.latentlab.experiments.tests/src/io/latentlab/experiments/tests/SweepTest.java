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

        long metricsSize = Files.size(outcomes.get(0).run().resolve(RunDirectory.METRICS));
        List<Sweep.Outcome> again = sweep.run(file, trials, sweepFolder, 2, (line, end) -> { });
        assertEquals(outcomes.stream().map(Sweep.Outcome::run).toList(), again.stream().map(Sweep.Outcome::run).toList());
        assertEquals(metricsSize, Files.size(again.get(0).run().resolve(RunDirectory.METRICS)), "completed trials are skipped");
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
