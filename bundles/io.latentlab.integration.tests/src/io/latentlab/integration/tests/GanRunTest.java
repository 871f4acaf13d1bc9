package io.latentlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunDirectory;
import io.latentlab.runs.RunFigures;

/** The GAN trains in alternating steps: the discriminator learns to separate, the generator learns to fool it. */
class GanRunTest {

    private static final String GAN = """
            name: small-gan
            seed: 5
            dataset:
              id: mnist
              train_limit: 1024
              test_limit: 256
            model:
              id: gan
              latent_dim: 16
              label_smoothing: 0.1
              generator:
                - dense: {units: 128, activation: relu}
                - batch_norm: {}
                - dense: {units: 784, activation: tanh}
              discriminator:
                - dense: {units: 128, activation: leaky_relu}
            optimizers:
              generator: {id: adam, learning_rate: 0.0002, beta_1: 0.5}
              discriminator: {id: adam, learning_rate: 0.0002, beta_1: 0.5}
            training:
              epochs: 2
              batch_size: 64
            """;

    private static double mean(List<String> metrics, String name, int from, int to) {
        List<Double> values = metrics.stream().filter(l -> l.contains("," + name + ",")).map(l -> Double.parseDouble(l.split(",")[3]))
                .toList();
        return values.subList(from < 0 ? values.size() + from : from, to <= 0 ? values.size() + to : to).stream()
                .mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /**
     * With batch norm in D, D must see real and generated images in separate batches: on one mixed
     * batch D learnt to reject the generated images (d_fake near 0) while on the generator's
     * all-generated batch it scored them as before, so the generator got no useful signal.
     */
    @Test
    void aBatchNormDiscriminatorScoresGeneratedImagesAlikeInBothSteps(@TempDir Path runs) throws Exception {
        String yaml = GAN.replace("label_smoothing: 0.1", "label_smoothing: 0.0")
                .replace("    - dense: {units: 128, activation: leaky_relu}\n",
                        "    - dense: {units: 128}\n    - batch_norm: {}\n    - leaky_relu: {alpha: 0.2}\n")
                .replace("epochs: 2", "epochs: 1");
        CheckedExperiment checked = new ExperimentReader(Fixtures.REGISTRY).check(Path.of("gan.experiment.yaml"), yaml);
        Path run = new ExperimentRunner(Fixtures.REGISTRY).run(checked, runs, (line, end) -> { });
        List<String> metrics = Files.readAllLines(run.resolve(RunDirectory.METRICS));
        double dFake = mean(metrics, "train_d_fake", -4, 0);
        double generatorScore = Math.exp(-mean(metrics, "train_g_loss", -4, 0)); // geometric mean of D(G(z)) in G's step
        // measured: 0.496 and 0.487 here; 0.02 and 0.48 when D saw one mixed batch
        assertEquals(dFake, generatorScore, 0.1, "D scores generated images " + dFake + " in its own step but "
                + generatorScore + " in the generator's");
    }

    @Test
    void bothNetworksLearnAndSamplesAreImages(@TempDir Path runs) throws Exception {
        CheckedExperiment checked = new ExperimentReader(Fixtures.REGISTRY).check(Path.of("gan.experiment.yaml"), GAN);
        Path run = new ExperimentRunner(Fixtures.REGISTRY).run(checked, runs, (line, end) -> { });
        List<String> metrics = Files.readAllLines(run.resolve(RunDirectory.METRICS));
        // D starts unable to tell (about 0.5 for both) and learns to score real images higher than generated ones
        assertTrue(mean(metrics, "train_d_real", -8, 0) > mean(metrics, "train_d_fake", -8, 0) + 0.1, "D did not learn");
        // G's loss moves off its starting value as it responds to D
        assertTrue(Math.abs(mean(metrics, "train_g_loss", 0, 4) - mean(metrics, "train_g_loss", -4, 0)) > 0.05);
        assertTrue(Files.size(run.resolve("samples/epoch-002.png")) > 500);
        assertEquals(List.of(1, 2), RunFigures.epochs(run, "fixed-noise"));
        assertTrue(Files.size(RunFigures.read(run, "fixed-noise", 2).image()) > 500);
        assertTrue(Files.readString(run.resolve(RunDirectory.STATUS)).startsWith("completed"));
    }
}
