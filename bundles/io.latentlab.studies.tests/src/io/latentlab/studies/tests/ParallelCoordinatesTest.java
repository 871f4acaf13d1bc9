package io.latentlab.studies.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.runs.RunDirectory;
import io.latentlab.studies.ParallelCoordinates;

/** Sweep trials as parallel coordinates: only the fields that differ, learning rates on a log scale, categories in order. */
class ParallelCoordinatesTest {

    private static Path run(Path folder, String name, double rate, String optimizer, int units, double bce) throws Exception {
        Path run = Files.createDirectories(folder.resolve(name));
        Files.writeString(run.resolve(RunDirectory.RESOLVED), """
                {"name": "%s", "seed": 1, "optimizers": {"default": {"id": "%s", "learning_rate": %s%s}},
                 "model": {"encoder": [{"dense": {"units": %d}}]}}
                """.formatted(name, optimizer, rate, optimizer.equals("adam") ? ", \"beta_1\": 0.9" : "", units));
        Files.writeString(run.resolve(RunDirectory.SUMMARY), """
                {"status": "completed", "headline_metric": "test_bce", "metrics": {"test_bce": %s}}
                """.formatted(bce));
        Files.writeString(run.resolve(RunDirectory.STATUS), "completed\n");
        return run;
    }

    @Test
    void axesAreTheDifferingFieldsThenTheMetric(@TempDir Path folder) throws Exception {
        List<Path> runs = List.of(run(folder, "a", 0.0001, "sgd", 16, 0.30), run(folder, "b", 0.001, "adam", 16, 0.20),
                run(folder, "c", 0.01, "adam", 16, 0.10));
        ParallelCoordinates chart = ParallelCoordinates.of(runs);
        assertEquals(List.of("optimizers.default.id", "optimizers.default.learning_rate", "test_bce"),
                chart.axes().stream().map(ParallelCoordinates.Axis::name).toList(), "units and seed are equal, only Adam has beta_1: no axis");

        ParallelCoordinates.Axis optimizer = chart.axes().get(0);
        assertEquals(List.of("adam", "sgd"), optimizer.categories());
        ParallelCoordinates.Axis rate = chart.axes().get(1);
        assertTrue(rate.logarithmic(), "0.0001 to 0.01 spans two decades");
        assertEquals("0.0001000", rate.lowLabel());
        assertEquals("0.01000", rate.highLabel());

        double[] b = chart.lines().get(1).positions();
        assertEquals(0.0, b[0], 1e-12); // adam, the first category
        assertEquals(0.5, b[1], 1e-9); // 0.001 is half way on the log scale
        assertEquals(0.5, b[2], 1e-9); // 0.20 between 0.10 and 0.30
        assertEquals(1.0, chart.lines().get(0).positions()[0], 1e-12); // sgd
        assertEquals(0.10, chart.lines().get(2).metric(), 1e-12);
    }
}
