package io.latentlab.experiments.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.augmentations.core.Augmentations;
import io.latentlab.core.Parameters;
import io.latentlab.core.data.Augmentation;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunDirectory;

/** Augmentations: worked examples, and an experiment with augmentations that trains and resumes identically. */
class AugmentationTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(1);

    @Test
    void aFullFlipMirrorsEveryRowAndShiftKeepsPixelsOrFillsZero() {
        io.latentlab.nd4j.Nd4jRuntime.initialize();
        INDArray image = Nd4j.createFromArray(new float[] {1, 2, 3, 4, 5, 6}).reshape(1, 1, 2, 3);
        Augmentations.HorizontalFlip flip = new Augmentations.HorizontalFlip();
        Augmentation always = flip.create(Parameters.of(flip.schema(), Map.of("probability", 1.0)));
        assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4}, always.apply(image, RANDOM).reshape(6).toFloatVector(), 0f);

        Augmentations.Shift shift = new Augmentations.Shift();
        INDArray moved = shift.create(Parameters.of(shift.schema(), Map.of("max_pixels", 1))).apply(image, RANDOM);
        for (float value : moved.reshape(6).toFloatVector()) {
            assertTrue(value == 0 || (value >= 1 && value <= 6), "a shifted pixel is an original pixel or 0: " + value);
        }
        assertEquals(21, image.sumNumber().doubleValue(), 1e-9, "the input is not modified");

        Augmentations.Occlusion occlusion = new Augmentations.Occlusion();
        INDArray masked = occlusion.create(Parameters.of(occlusion.schema(), Map.of("size", 2))).apply(image, RANDOM);
        assertEquals(4, (int) masked.reshape(6).toFloatVector().length - countNonZero(masked));
    }

    /** A 90-degree rotation of a 3x3 image moves its top-left pixel to a corner; a 2x zoom spreads the centre. */
    @Test
    void rotationAndScalingOfWorkedExamples() {
        io.latentlab.nd4j.Nd4jRuntime.initialize();
        INDArray image = Nd4j.createFromArray(new float[] {1, 0, 0, 0, 0, 0, 0, 0, 0}).reshape(1, 1, 3, 3);
        Augmentations.Rotation rotation = new Augmentations.Rotation();
        INDArray turned = rotation.create(Parameters.of(rotation.schema(), Map.of("max_degrees", 90.0)))
                .apply(image, new SplittableRandom(3));
        // whatever the angle, the mass is conserved up to interpolation losses and stays in [0, 1]
        assertTrue(turned.minNumber().doubleValue() >= 0 && turned.maxNumber().doubleValue() <= 1);
        INDArray still = rotation.create(Parameters.of(rotation.schema(), Map.of("max_degrees", 0.0))).apply(image, RANDOM);
        assertArrayEquals(image.reshape(9).toFloatVector(), still.reshape(9).toFloatVector(), 1e-6f, "0 degrees: unchanged");

        Augmentations.Scaling scaling = new Augmentations.Scaling();
        INDArray centre = Nd4j.createFromArray(new float[] {0, 0, 0, 0, 0, 1, 0, 0, 0}).reshape(1, 1, 3, 3); // pixel (1, 2)
        INDArray zoomed = scaling.create(Parameters.of(scaling.schema(), Map.of("min", 2.0, "max", 2.0)))
                .apply(centre, RANDOM);
        // output (1, 2) reads input (1, 1.5): half of the lit pixel; output (1, 1) reads the dark centre
        assertEquals(0.5, zoomed.getDouble(0, 0, 1, 2), 1e-6);
        assertEquals(0.0, zoomed.getDouble(0, 0, 1, 1), 1e-6);
        INDArray edge = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 1, 5, 5);
        edge.putScalar(new long[] {0, 0, 2, 4}, 1f); // 2 pixels right of the centre (2, 2)
        INDArray shrunk = scaling.create(Parameters.of(scaling.schema(), Map.of("min", 0.5, "max", 0.5)))
                .apply(edge, RANDOM);
        // halved: the pixel moves to 1 right of the centre, and is the only one lit
        assertEquals(1.0, shrunk.getDouble(0, 0, 2, 3), 1e-6);
        assertEquals(1.0, shrunk.sumNumber().doubleValue(), 1e-6);
    }

    private static int countNonZero(INDArray array) {
        int count = 0;
        for (float value : array.reshape(array.length()).toFloatVector()) {
            count += value != 0 ? 1 : 0;
        }
        return count;
    }

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
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.latentlab.experiments.InvalidExperimentException.class,
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
        io.latentlab.core.ContributionRegistry registry = io.latentlab.core.ContributionRegistry.of(
                new io.latentlab.datasets.files.CsvDataset(), new io.latentlab.layers.core.Dense(),
                new io.latentlab.layers.core.activation.Relu(), new io.latentlab.layers.core.activation.Sigmoid(),
                new io.latentlab.layers.core.loss.BinaryCrossEntropy(), new io.latentlab.optimizers.core.Adam(),
                new io.latentlab.models.ae.Autoencoder(), new io.latentlab.augmentations.core.Augmentations.Shift(),
                new io.latentlab.augmentations.core.Augmentations.GaussianNoise());
        Path file = folder.resolve("vectors.experiment.yaml");
        Files.writeString(file, text);
        io.latentlab.experiments.InvalidExperimentException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.latentlab.experiments.InvalidExperimentException.class,
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
