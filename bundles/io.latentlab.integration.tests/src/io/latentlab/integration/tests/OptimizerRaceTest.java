package io.latentlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunDirectory;
import io.latentlab.runs.RunInfo;
import io.latentlab.runs.RunTable;
import io.latentlab.studies.OptimizerRace;

/** The optimizer race's guarantee: identical starts, so curves differ only by the optimizer. */
class OptimizerRaceTest {

    private static List<String> losses(Path run) throws Exception {
        return Files.readAllLines(run.resolve(RunDirectory.METRICS)).stream().filter(l -> l.contains(",train_loss,"))
                .toList();
    }

    @Test
    void entrantsStartFromTheSameLossAndTheSameOptimizerRepeatsExactly(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("small.experiment.yaml");
        Files.writeString(file, Fixtures.SMALL);
        OptimizerRace race = new OptimizerRace(Fixtures.REGISTRY);
        List<Path> first = race.run(file, List.of("sgd", "adam"), folder.resolve("a"), new ExperimentRunner(Fixtures.REGISTRY),
                (line, end) -> { });
        List<Path> again = race.run(file, List.of("sgd"), folder.resolve("b"), new ExperimentRunner(Fixtures.REGISTRY),
                (line, end) -> { });

        assertEquals(first, race.run(file, List.of("sgd", "adam"), folder.resolve("a"), new ExperimentRunner(Fixtures.REGISTRY),
                (line, end) -> { }), "a second start keeps the completed entrants");
        try (var entrants = Files.list(folder.resolve("a"))) {
            assertEquals(2, entrants.count(), "nothing trained twice");
        }

        List<String> sgd = losses(first.get(0));
        List<String> adam = losses(first.get(1));
        assertEquals(sgd.get(0), adam.get(0), "step 1's loss is computed before any update: identical");
        assertNotEquals(sgd.get(sgd.size() - 1), adam.get(adam.size() - 1), "the optimizers then differ");
        assertEquals(sgd, losses(again.get(0)), "the same optimizer gives the same curve");
        assertTrue(first.get(0).getFileName().toString().endsWith("small-ae-sgd"));
        assertTrue(Files.readString(first.get(1).resolve(RunDirectory.SNAPSHOT)).contains("id: adam"));
        assertTrue(Files.readString(first.get(1).resolve(RunDirectory.SNAPSHOT)).contains("learning_rate: 0.003"),
                "the experiment's learning rate carries over");

        Path csv = folder.resolve("race.csv");
        OptimizerRace.writeMetrics(first, csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("run,step,metric,value", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains("small-ae-adam,1,train_loss,")));

        // the runs table: one row per run with its optimizer and learning rate
        Path table = folder.resolve("runs.csv");
        RunTable.write(RunInfo.list(folder.resolve("a")), table);
        List<String> rows = Files.readAllLines(table);
        assertEquals(3, rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.contains(",completed,autoencoder,") && r.contains(",sgd,0.003,3,64,test_bce,")),
                rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.contains(",adam,0.003,3,64,test_bce,")), rows.toString());
    }

    /**
     * Parameters carry under each entrant's own spelling: the experiment writes the paper's
     * {@code beta1} and {@code learningRate}; Adam's entrant gets {@code beta_1}, and
     * {@code learning_rate} reaches every entrant that declares it.
     */
    @Test
    void sharedParametersCarryWhateverTheirSpelling(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("spelt.experiment.yaml");
        Files.writeString(file, Fixtures.SMALL.replace("  learning_rate: 0.003", "  learningRate: 0.002\n  beta1: 0.8")
                .replace("epochs: 3", "epochs: 1"));
        List<Path> runs = new OptimizerRace(Fixtures.REGISTRY).run(file, List.of("adam", "rmsprop"), folder.resolve("r"),
                new ExperimentRunner(Fixtures.REGISTRY), (line, end) -> { });
        String adam = Files.readString(runs.get(0).resolve(RunDirectory.SNAPSHOT));
        assertTrue(adam.contains("beta_1: 0.8") && adam.contains("learning_rate: 0.002"), adam);
        String rmsprop = Files.readString(runs.get(1).resolve(RunDirectory.SNAPSHOT));
        assertTrue(rmsprop.contains("learning_rate: 0.002") && !rmsprop.contains("beta"), rmsprop);
    }
}
