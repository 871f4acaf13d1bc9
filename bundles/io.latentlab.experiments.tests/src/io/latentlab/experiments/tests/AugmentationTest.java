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
import io.latentlab.experiments.ExperimentRunner;
import io.latentlab.experiments.RunDirectory;

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
    }

    @Test
    void anUnknownAugmentationIsReportedAtItsLine() {
        String text = Fixtures.SMALL.replace("model:\n", "augmentations:\n  - {id: shfit}\nmodel:\n");
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.latentlab.experiments.InvalidExperimentException.class,
                () -> new ExperimentReader(Fixtures.REGISTRY).check(Path.of("aug.experiment.yaml"), text));
        assertTrue(e.getMessage().contains("aug.experiment.yaml:8:")
                && e.getMessage().contains("unknown augmentation 'shfit'; did you mean 'shift'?"), e.getMessage());
    }
}
