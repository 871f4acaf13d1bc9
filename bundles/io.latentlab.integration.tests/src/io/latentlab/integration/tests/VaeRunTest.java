package io.latentlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.analyses.LatentPaths;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunDirectory;

/** The VAE trains: its negative ELBO falls, and it equals reconstruction plus KL. */
class VaeRunTest {

    private static double value(List<String> metrics, String name) {
        return metrics.stream().filter(l -> l.contains("," + name + ",")).reduce((a, b) -> b)
                .map(l -> Double.parseDouble(l.split(",")[3])).orElseThrow();
    }

    @Test
    void negativeElboFallsAndIsReconstructionPlusKl(@TempDir Path runs) throws Exception {
        CheckedExperiment checked = new ExperimentReader(Fixtures.REGISTRY).check(Path.of("vae.experiment.yaml"),
                Fixtures.SMALL_VAE);
        Path run = new ExperimentRunner(Fixtures.REGISTRY).run(checked, runs, (line, end) -> { });
        List<String> metrics = Files.readAllLines(run.resolve(RunDirectory.METRICS));
        List<String> losses = metrics.stream().filter(l -> l.contains(",train_loss,")).toList();
        double first = Double.parseDouble(losses.get(0).split(",")[3]);
        double last = Double.parseDouble(losses.get(losses.size() - 1).split(",")[3]);
        assertTrue(first > 400 && last < 0.6 * first, "negative ELBO went from " + first + " to " + last + " nats");
        double elbo = value(metrics, "test_neg_elbo");
        assertEquals(value(metrics, "test_reconstruction") + value(metrics, "test_kl"), elbo, 1e-3 * elbo);
        assertTrue(value(metrics, "test_kl") > 0.5, "the posterior should move away from the prior");
        assertTrue(Files.readString(run.resolve(RunDirectory.SUMMARY)).contains("\"headline_metric\": \"test_neg_elbo\""));

        // generation and interpolation through the decoder
        ExperimentRunner.LoadedRun loaded = new ExperimentRunner(Fixtures.REGISTRY).load(run, checked);
        assertEquals(8, loaded.model().latentDimensions());
        INDArray codes = loaded.model().encode(loaded.dataset().testFeatures().get(Nd4j.createFromArray(0, 1)));
        INDArray path = LatentPaths.between(codes.getRow(0), codes.getRow(1), 5, true);
        assertEquals(codes.getRow(0).reshape(8), path.getRow(0).reshape(8), "the path starts at the first code");
        INDArray images = loaded.model().decode(path);
        assertEquals(List.of(5L, 1L, 28L, 28L), List.of(images.shape()[0], images.shape()[1], images.shape()[2],
                images.shape()[3]));
        assertTrue(images.minNumber().doubleValue() >= 0 && images.maxNumber().doubleValue() <= 1);
    }

}
