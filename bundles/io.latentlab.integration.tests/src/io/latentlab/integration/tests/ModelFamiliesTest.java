package io.latentlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunDirectory;
import io.latentlab.runs.RunFigures;

/**
 * The stacked autoencoder, U-Net and VQ-VAE each train briefly on a small subset of the embedded
 * MNIST: the loss falls, evaluation gives the model's figures in range, outputs are images.
 */
class ModelFamiliesTest {

    private static Path train(Path runs, String model, int epochs, int batch) throws Exception {
        String text = """
                name: small
                seed: 2
                dataset:
                  id: mnist
                  train_limit: 1024
                  test_limit: 256
                model:
                %s
                optimizer:
                  id: adam
                  learning_rate: 0.002
                training:
                  epochs: %d
                  batch_size: %d
                """.formatted(model.indent(2).stripTrailing(), epochs, batch);
        CheckedExperiment checked = new ExperimentReader(Fixtures.REGISTRY).check(Path.of("small.experiment.yaml"), text);
        Path run = new ExperimentRunner(Fixtures.REGISTRY).run(checked, runs, (line, end) -> { });
        assertTrue(Files.readString(run.resolve(RunDirectory.STATUS)).startsWith("completed"));
        return run;
    }

    private static List<Double> values(Path run, String metric) throws Exception {
        return Files.readAllLines(run.resolve(RunDirectory.METRICS)).stream().filter(l -> l.contains("," + metric + ","))
                .map(l -> Double.parseDouble(l.split(",")[3])).toList();
    }

    private static double mean(List<Double> values, int from, int to) {
        return values.subList(from < 0 ? values.size() + from : from, to <= 0 ? values.size() + to : to).stream()
                .mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double last(Path run, String metric) throws Exception {
        List<Double> values = values(run, metric);
        return values.get(values.size() - 1);
    }

    @Test
    void stackedAutoencoderPreTrainsEachLayerThenFineTunesToAClassifier(@TempDir Path runs) throws Exception {
        Path run = train(runs, """
                id: stacked_autoencoder
                pretrain_epochs: 1
                encoder:
                  - dense: {units: 64, activation: relu}
                  - dense: {units: 32, activation: relu}
                """, 5, 64); // 16 steps per epoch: layer 1, layer 2, then 3 epochs of fine-tuning
        List<Double> phases = values(run, "train_phase");
        assertEquals(List.of(1.0, 2.0, 3.0), List.of(phases.get(0), phases.get(16), phases.get(32)));
        assertTrue(mean(values(run, "train_loss"), 0, 4) > mean(values(run, "train_loss"), 12, 16), "layer 1 learns");
        double accuracy = last(run, "test_accuracy");
        assertTrue(accuracy > 0.7 && accuracy <= 1, "test accuracy " + accuracy);
    }

    @Test
    void unetSegmentsCorruptedDigits(@TempDir Path runs) throws Exception {
        Path run = train(runs, """
                id: unet
                depth: 2
                filters: 8
                """, 3, 32);
        List<Double> loss = values(run, "train_loss");
        assertTrue(mean(loss, 0, 4) > 1.5 * mean(loss, -4, 0), "loss falls: " + loss);
        double iou = last(run, "test_iou");
        assertTrue(iou > 0.3 && iou <= 1, "IoU " + iou);
        // corrupted inputs, predictions and targets, in bands of 8 across a 32-image sample grid
        assertTrue(Files.size(run.resolve("samples/epoch-003.png")) > 1000);
        // its Overlays figure: inputs, then masks in colour, one IoU caption per image
        assertEquals(List.of(1, 2, 3), RunFigures.epochs(run, "overlays"));
        RunFigures.Drawn overlays = RunFigures.read(run, "overlays", 3);
        assertEquals(2, overlays.bands());
        assertEquals(16, overlays.captions().size());
        assertTrue(overlays.captions().get(0).matches("IoU [01]\\.\\d\\d"), overlays.captions().get(0));
        ExperimentRunner.LoadedRun loaded = new ExperimentRunner(Fixtures.REGISTRY).load(run,
                new ExperimentReader(Fixtures.REGISTRY).read(run.resolve(RunDirectory.SNAPSHOT)));
        List<INDArray> views = loaded.model().illustrate(loaded.dataset().testFeatures(), loaded.dataset().testLabels());
        assertEquals(3, views.size());
        for (INDArray view : views) {
            assertEquals(List.of(256L, 1L, 28L, 28L), Arrays.stream(view.shape()).boxed().toList());
            assertTrue(view.minNumber().doubleValue() >= 0 && view.maxNumber().doubleValue() <= 1);
        }
    }

    private static final String VQ_VAE = """
                id: vqvae
                codes: 32
                encoder:
                  - conv2d: {filters: 16, kernel: 3, stride: 2, activation: relu}
                  - conv2d: {filters: 8, kernel: 3, stride: 2}
                decoder:
                  - conv2d_transpose: {filters: 16, kernel: 3, stride: 2, activation: relu}
                  - conv2d_transpose: {filters: 1, kernel: 3, stride: 2, activation: sigmoid}
                """;

    @Test
    void vqVaeReconstructsThroughItsCodebookAndRestartsDeadCodes(@TempDir Path runs) throws Exception {
        Path run = train(runs, VQ_VAE + "restart_every: 8\n", 4, 32);
        Path withoutRestarts = train(runs, VQ_VAE + "restart_every: 0\n", 4, 32);
        List<Double> reconstruction = values(run, "train_reconstruction");
        assertTrue(mean(reconstruction, 0, 4) > 1.3 * mean(reconstruction, -4, 0), "reconstruction falls");
        assertTrue(last(run, "test_perplexity") > 1.5 * last(withoutRestarts, "test_perplexity"), "perplexity "
                + last(run, "test_perplexity") + " with restarts, " + last(withoutRestarts, "test_perplexity") + " without");
        assertTrue(last(run, "test_mse") < 0.06, "test MSE " + last(run, "test_mse"));
        ExperimentRunner.LoadedRun loaded = new ExperimentRunner(Fixtures.REGISTRY).load(run,
                new ExperimentReader(Fixtures.REGISTRY).read(run.resolve(RunDirectory.SNAPSHOT)));
        INDArray generated = loaded.model().generate(10, 4);
        assertEquals(List.of(10L, 1L, 28L, 28L), Arrays.stream(generated.shape()).boxed().toList());
        INDArray codes = loaded.model().encode(loaded.dataset().testFeatures());
        assertEquals(loaded.model().latentDimensions(), codes.size(1));
        // decoding the quantised codes gives the model's reconstructions
        INDArray again = loaded.model().decode(codes.get(NDArrayIndex.interval(0, 5)));
        INDArray direct = loaded.model().sample(loaded.dataset().testFeatures()
                .get(NDArrayIndex.interval(0, 5)));
        assertTrue(again.equalsWithEps(direct, 1e-5));
        assertTrue(Files.readString(run.resolve(RunDirectory.SUMMARY)).contains("\"headline_metric\": \"test_bce\""));
    }
}
