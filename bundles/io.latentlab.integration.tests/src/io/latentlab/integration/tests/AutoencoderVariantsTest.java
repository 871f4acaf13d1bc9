package io.latentlab.integration.tests;

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

/** The denoising autoencoder improves PSNR over its noisy input; the sparse one pulls code activity towards its target. */
class AutoencoderVariantsTest {

    private static List<String> train(Path runs, String text) throws Exception {
        CheckedExperiment checked = new ExperimentReader(Fixtures.REGISTRY).check(Path.of("variant.experiment.yaml"), text);
        Path run = new ExperimentRunner(Fixtures.REGISTRY).run(checked, runs, (line, end) -> { });
        return Files.readAllLines(run.resolve(RunDirectory.METRICS));
    }

    private static double last(List<String> metrics, String name) {
        return metrics.stream().filter(l -> l.contains("," + name + ",")).reduce((a, b) -> b)
                .map(l -> Double.parseDouble(l.split(",")[3])).orElseThrow(() -> new AssertionError("no " + name));
    }

    private static double first(List<String> metrics, String name) {
        return metrics.stream().filter(l -> l.contains("," + name + ",")).findFirst()
                .map(l -> Double.parseDouble(l.split(",")[3])).orElseThrow(() -> new AssertionError("no " + name));
    }

    @Test
    void denoisingRaisesPsnrAboveTheNoisyInput(@TempDir Path runs) throws Exception {
        List<String> metrics = train(runs, Fixtures.SMALL.replace("id: autoencoder", "id: denoising_autoencoder")
                .replace("train_limit: 512", "train_limit: 4096").replace("epochs: 3", "epochs: 4"));
        double noisy = last(metrics, "test_psnr_noisy");
        double denoised = last(metrics, "test_psnr_denoised");
        assertTrue(noisy > 8.5 && noisy < 10.5, "sigma 0.5 noise, clipped, gives about 9.4 dB on MNIST, got " + noisy);
        assertTrue(denoised > noisy + 3, "denoised " + denoised + " dB against noisy " + noisy + " dB");
    }

    @Test
    void theSparsityPenaltyFallsAsCodeActivityApproachesItsTarget(@TempDir Path runs) throws Exception {
        List<String> metrics = train(runs, Fixtures.SMALL.replace("id: autoencoder", "id: sparse_autoencoder\n  sparsity_weight: 1.0")
                .replace("- dense: {units: 16, activation: relu}", "- dense: {units: 100, activation: sigmoid}"));
        assertTrue(last(metrics, "train_sparsity") < 0.5 * first(metrics, "train_sparsity"),
                "sparsity penalty went from " + first(metrics, "train_sparsity") + " to " + last(metrics, "train_sparsity"));
    }
}
