package io.latentlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.augmentations.core.Augmentations;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.datasets.files.CsvDataset;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.experiments.InvalidExperimentException;
import io.latentlab.layers.core.Dense;
import io.latentlab.layers.core.activation.Relu;
import io.latentlab.layers.core.activation.Sigmoid;
import io.latentlab.layers.core.loss.BinaryCrossEntropy;
import io.latentlab.models.ae.Autoencoder;
import io.latentlab.optimizers.core.Adam;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunDirectory;

/** Augmentations: worked examples, and an experiment with augmentations that trains and resumes identically. */
class AugmentationTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(1);

    @Test
    void anExperimentWithAugmentationsTrainsRepeatablyAndRecordsThem(@TempDir Path runs) throws Exception {
        String text = Fixtures.SMALL.replace("model:\n", """
                augmentations:
                  - {id: shift, max_pixels: 2}
                  - {id: gaussian_noise, std: 0.1}
                model:
                """);
        CheckedExperiment checked = new ExperimentReader(Fixtures.REGISTRY).check(Path.of("augmented.experiment.yaml"), text);
        assertEquals(List.of("shift", "gaussian_noise"), checked.augmentations().stream()
                .map(CheckedExperiment.AugmentationChoice::id).toList());
        Path a = new ExperimentRunner(Fixtures.REGISTRY).run(checked, runs, (line, end) -> { });
        Path b = new ExperimentRunner(Fixtures.REGISTRY).run(checked, runs, (line, end) -> { });
        assertEquals(Files.readAllLines(a.resolve(RunDirectory.METRICS)), Files.readAllLines(b.resolve(RunDirectory.METRICS)));
        assertTrue(Files.readString(a.resolve(RunDirectory.RESOLVED)).contains("\"max_pixels\": 2"));
        assertTrue(Files.readString(a.resolve(RunDirectory.BUNDLES)).contains("\"kind\": \"augmentation\""),
                "bundles.json names the augmentations' bundles too");
    }

    @Test
    void anUnknownAugmentationIsReportedAtItsLine() {
        String text = Fixtures.SMALL.replace("model:\n", "augmentations:\n  - {id: shfit}\nmodel:\n");
        var e = Assertions.assertThrows(InvalidExperimentException.class,
                () -> new ExperimentReader(Fixtures.REGISTRY).check(Path.of("aug.experiment.yaml"), text));
        assertTrue(e.getMessage().contains("aug.experiment.yaml:8:")
                && e.getMessage().contains("unknown augmentation 'shfit'; did you mean 'shift'?"), e.getMessage());
    }

    /** An image augmentation on vector data is refused at its line, not applied to vectors taken for images. */
    @Test
    void anImageAugmentationOnVectorsIsRefusedAndNoiseIsAccepted(@TempDir Path folder) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            rows.append(i % 2).append(i % 2 == 0 ? ",1,0,1,0\n" : ",0,1,0,1\n");
        }
        Files.writeString(folder.resolve("rows.csv"), rows.toString());
        String text = """
                name: vectors
                dataset: {id: csv, train_file: rows.csv, test_file: rows.csv, label_column: 0}
                augmentations:
                  - {id: gaussian_noise, std: 0.1}
                  - {id: shift, max_pixels: 1}
                model:
                  id: autoencoder
                  encoder:
                    - dense: {units: 2, activation: relu}
                  decoder:
                    - dense: {units: 4, activation: sigmoid}
                optimizer: {id: adam}
                training: {epochs: 1, batch_size: 8}
                """;
        ContributionRegistry registry = ContributionRegistry.of(
                new CsvDataset(), new Dense(),
                new Relu(), new Sigmoid(),
                new BinaryCrossEntropy(), new Adam(),
                new Autoencoder(), new Augmentations.Shift(),
                new Augmentations.GaussianNoise());
        Path file = folder.resolve("vectors.experiment.yaml");
        Files.writeString(file, text);
        InvalidExperimentException e = Assertions.assertThrows(
                InvalidExperimentException.class,
                () -> new ExperimentRunner(registry).run(new ExperimentReader(registry).read(file), folder.resolve("runs"),
                        (line, end) -> { }));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("vectors.experiment.yaml:5:5: augmentations[1]: shift works on images"
                + " [channels, height, width]"), e.getMessage());
        Files.writeString(file, text.replace("  - {id: shift, max_pixels: 1}\n", ""));
        Path run = new ExperimentRunner(registry).run(new ExperimentReader(registry).read(file), folder.resolve("runs"),
                (line, end) -> { });
        assertTrue(Files.readString(run.resolve(RunDirectory.STATUS)).startsWith("completed"));
    }
}
