package io.latentlab.augmentations.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.augmentations.core.Augmentations;
import io.latentlab.core.Parameters;
import io.latentlab.core.data.Augmentation;
import io.latentlab.nd4j.Nd4jRuntime;

/** Augmentations on worked examples: flips, shifts, occlusion, rotation, scaling. */
class AugmentationsTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(1);

    @Test
    void aFullFlipMirrorsEveryRowAndShiftKeepsPixelsOrFillsZero() {
        Nd4jRuntime.initialize();
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
        Nd4jRuntime.initialize();
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
        INDArray edge = Nd4j.zeros(DataType.FLOAT, 1, 1, 5, 5);
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
}
