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
    void aRowsReferenceTrainsWithTheRunsSettingsAndIsReportedBesideIt(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("small.experiment.yaml"), Fixtures.SMALL);
        // a stand-in for benchmarks/pytorch/reference.py: records its arguments, prints a log line and its JSON
        Files.writeString(folder.resolve("reference.sh"), """
                echo "$@" > "$(dirname "$0")/arguments.txt"
                if [ "$1" = broken ]; then echo "ModuleNotFoundError: No module named 'torch'"; exit 1; fi
                echo "epoch 1 done"
                echo '{"engine": "pytorch 9.9", "blas": "openblas", "examples_per_second": 1000.0, "metric": "test_bce", \
                "value": 0.25, "peak_rss_mb": 321.5}'
                """);
        Path plan = folder.resolve("plan.yaml");
        Files.writeString(plan, """
                pytorch: {python: /bin/sh, script: reference.sh, data: mnist-folder}
                rows:
                  - name: small AE
                    experiment: small.experiment.yaml
                    metric: test_bce
                    pytorch: dense_ae
                  - name: small AE, broken reference
                    experiment: small.experiment.yaml
                    metric: test_mse
                    pytorch: broken
                """);
        List<ModelBenchmark.Row> rows = ModelBenchmark.read(plan);
        ModelBenchmark benchmark = new ModelBenchmark(new ExperimentRunner(Fixtures.REGISTRY),
                new ExperimentReader(Fixtures.REGISTRY), folder.resolve("runs"));
        ModelBenchmark.Result result = benchmark.run(rows.subList(0, 1), (line, end) -> { }, r -> { }).get(0);
        // the experiment's epochs, batch size, seed and training images, and this process' threads
        String threads = System.getenv().getOrDefault("OMP_NUM_THREADS", "1");
        assertEquals("dense_ae --mnist " + folder.resolve("mnist-folder") + " --epochs 3 --batch 64 --seed 7 --threads "
                + threads + " --train-limit 512", Files.readString(folder.resolve("arguments.txt")).strip());
        assertEquals(1000.0, result.reference().examplesPerSecond());
        assertEquals(0.25, result.reference().value());
        assertEquals(result.examplesPerSecond() / 1000.0, result.ratio(), 1e-12);
        assertTrue(result.peakRssMb() > 50, "peak RSS " + result.peakRssMb());
        assertTrue(result.error() == null, result.error());
        String table = ModelBenchmark.table(List.of(result));
        assertTrue(table.contains("pytorch 9.9: 1,000 ex/s") && table.contains("test_bce 0.2500"), table);
        Path json = folder.resolve("models.json");
        ModelBenchmark.writeJson(List.of(result), json);
        assertTrue(Files.readString(json).contains("\"engine\": \"pytorch 9.9\""), Files.readString(json));

        ModelBenchmark.Result broken = benchmark.run(rows.subList(1, 2), (line, end) -> { }, r -> { }).get(0);
        assertTrue(broken.value() > 0 && broken.reference() == null, "our figure stays when the reference fails");
        assertTrue(broken.error().contains("exited with 1") && broken.error().contains("No module named 'torch'"),
                broken.error());
    }

    @Test
    void aRowReferenceWithoutThePlansProgramIsReportedAtItsLine(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("small.experiment.yaml"), Fixtures.SMALL);
        Path plan = folder.resolve("plan.yaml");
        Files.writeString(plan, """
                rows:
                  - name: one
                    experiment: small.experiment.yaml
                    metric: test_bce
                    pytorch: dense_ae
                """);
        InvalidExperimentException e = assertThrows(InvalidExperimentException.class, () -> ModelBenchmark.read(plan));
        assertEquals(5, e.problems().get(0).line(), e.getMessage());
        assertTrue(e.getMessage().contains("needs the plan's 'pytorch: {script, data}'"), e.getMessage());
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
