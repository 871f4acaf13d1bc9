package io.latentlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentProblem;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.experiments.InvalidExperimentException;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunDirectory;
import io.latentlab.runs.RunInfo;
import io.latentlab.studies.SeedGroup;
import io.latentlab.studies.Sweep;

/**
 * An experiment with {@code repeat: 3} trains three runs that are each exactly the run of that seed
 * alone; the group's mean and standard deviation are those of their test metrics.
 */
class SeedGroupTest {

    private static CheckedExperiment read(Path folder, String text) throws Exception {
        Path file = folder.resolve("small.experiment.yaml");
        Files.writeString(file, text);
        return new ExperimentReader(Fixtures.REGISTRY).read(file);
    }

    @Test
    void repeatTrainsOneRunPerSeedAsEachWouldAlone(@TempDir Path folder) throws Exception {
        String single = Fixtures.SMALL.replace("epochs: 3", "epochs: 1");
        CheckedExperiment group = read(folder, single.replace("seed: 7", "seed: 7\nrepeat: 3"));
        assertEquals(List.of(7L, 8L, 9L), group.experiment().seeds());
        Path runs = folder.resolve("runs");
        List<Path> members = SeedGroup.train(new Sweep(Fixtures.REGISTRY), group, runs, (line, end) -> { });
        assertEquals(3, members.size());
        assertEquals(SeedGroup.folder(runs, "small-ae"), members.get(0).getParent());
        assertTrue(members.get(1).getFileName().toString().endsWith("small-ae-seed-8"), members.get(1).toString());
        String snapshot = Files.readString(members.get(1).resolve(RunDirectory.SNAPSHOT));
        assertTrue(snapshot.contains("seed: 8") && !snapshot.contains("repeat"), snapshot);

        // each member is the run of its seed on its own: the same test metrics to the last digit
        Path alone = new ExperimentRunner(Fixtures.REGISTRY).run(read(folder, single.replace("seed: 7", "seed: 8")),
                folder.resolve("alone"), (line, end) -> { });
        assertEquals(RunInfo.of(alone).headlineValue(), RunInfo.of(members.get(1)).headlineValue());

        double[] values = members.stream().mapToDouble(run -> RunInfo.of(run).headlineValue()).toArray();
        assertEquals(3, java.util.Arrays.stream(values).distinct().count(), "three seeds, three results");
        double mean = (values[0] + values[1] + values[2]) / 3;
        double variance = 0;
        for (double value : values) {
            variance += (value - mean) * (value - mean) / 2;
        }
        SeedGroup.Statistic headline = SeedGroup.headline(members).orElseThrow();
        assertEquals("test_bce", headline.metric());
        assertEquals(3, headline.runs());
        assertEquals(mean, headline.mean(), 1e-12);
        assertEquals(Math.sqrt(variance), headline.std(), 1e-12);
        assertEquals(4, Files.readAllLines(SeedGroup.folder(runs, "small-ae").resolve(SeedGroup.TABLE)).size());

        // a second start trains nothing again
        long size = Files.size(members.get(0).resolve(RunDirectory.METRICS));
        assertEquals(members, SeedGroup.train(new Sweep(Fixtures.REGISTRY), group, runs, (line, end) -> { }));
        assertEquals(size, Files.size(members.get(0).resolve(RunDirectory.METRICS)));
        assertEquals(3, RunInfo.list(runs).size(), "the group's runs are listed with the others");
    }

    @Test
    void seedsAreAListOfDistinctNumbersOrACountNotBoth(@TempDir Path folder) throws Exception {
        assertEquals(List.of(3L, 1L), read(folder, Fixtures.SMALL + "seeds: [3, 1]\n").experiment().seeds());
        assertEquals(List.of(), read(folder, Fixtures.SMALL).experiment().seeds());
        assertEquals("seed 3 is listed twice: its runs would be identical", problem(folder, "seeds: [3, 1, 3]\n"));
        assertEquals("'repeat' is how many runs, from 2 to 100, not '1'", problem(folder, "repeat: 1\n"));
        assertEquals("give 'seeds' (a list) or 'repeat' (a count), not both", problem(folder, "seeds: [1, 2]\nrepeat: 2\n"));
        assertEquals("'seeds' is a list of 2 to 100 whole numbers, e.g. [1, 2, 3]", problem(folder, "seeds: 4\n"));
    }

    private static String problem(Path folder, String seeds) throws Exception {
        try {
            read(folder, Fixtures.SMALL + seeds);
        } catch (InvalidExperimentException e) {
            List<ExperimentProblem> problems = e.problems();
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).line() > 20, "the problem is at the seeds line: " + problems.get(0));
            return problems.get(0).message();
        }
        throw new AssertionError("accepted " + seeds);
    }
}
