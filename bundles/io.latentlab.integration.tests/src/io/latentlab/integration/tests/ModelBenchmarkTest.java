package io.latentlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.experiments.ExperimentReader;
import io.latentlab.experiments.InvalidExperimentException;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.studies.ModelBenchmark;

/** The model benchmark on a tiny plan: one training serves several rows; targets pass or fail; bad plans name the line. */
class ModelBenchmarkTest {

    @Test
    void aPlanTrainsEachExperimentOnceAndComparesItsFiguresWithTheTargets(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("small.experiment.yaml"), Fixtures.SMALL);
        Path plan = folder.resolve("plan.yaml");
        Files.writeString(plan, """
                rows:
                  - name: small AE
                    experiment: small.experiment.yaml
                    metric: test_bce
                    target: <= 0.5
                  - name: small AE clusters
                    experiment: small.experiment.yaml
                    analysis: {cluster: {k: 10}}
                    metric: nmi
                    target: ">= 0.99"
                """);
        ModelBenchmark benchmark = new ModelBenchmark(new ExperimentRunner(Fixtures.REGISTRY),
                new ExperimentReader(Fixtures.REGISTRY), folder.resolve("runs"));
        List<ModelBenchmark.Result> seen = new ArrayList<>();
        List<ModelBenchmark.Result> results = benchmark.run(ModelBenchmark.read(plan), (line, end) -> { }, seen::add);
        assertEquals(results, seen);
        assertEquals(results.get(0).run(), results.get(1).run(), "one run serves both rows");
        try (var runs = Files.list(folder.resolve("runs"))) {
            assertEquals(1, runs.count());
        }
        assertTrue(results.get(0).passed() && results.get(0).value() > 0.05);
        double nmi = results.get(1).value();
        assertTrue(!results.get(1).passed() && nmi > 0.05 && nmi < 0.99, "NMI " + nmi);
        String table = ModelBenchmark.table(results);
        assertTrue(table.contains("PASS") && table.contains("FAIL"), table);
        Path json = folder.resolve("out/models.json");
        ModelBenchmark.writeJson(results, json);
        assertTrue(Files.readString(json).contains("\"metric\": \"nmi\""));
    }

    @Test
    void aBadTargetAndAMissingExperimentAreReportedWithTheirLines(@TempDir Path folder) throws Exception {
        Path plan = folder.resolve("plan.yaml");
        Files.writeString(plan, """
                rows:
                  - name: one
                    experiment: missing.experiment.yaml
                    metric: test_bce
                    target: about 0.5
                """);
        InvalidExperimentException e = assertThrows(InvalidExperimentException.class, () -> ModelBenchmark.read(plan));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals(3, e.problems().get(0).line(), e.getMessage());
        assertEquals(5, e.problems().get(1).line(), e.getMessage());
        assertTrue(e.getMessage().contains("expected '>= number' or '<= number'"), e.getMessage());
    }
}
