package @@PACKAGE@@;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.Parameters;
import io.latentlab.core.data.Augmentation;
import io.latentlab.nd4j.Nd4jRuntime;
import io.latentlab.testkit.ModelGradientCheck;

class @@CLASS@@Test {

    private static Augmentation augmentation(double probability) {
        Nd4jRuntime.initialize();
        @@CLASS@@ contribution = new @@CLASS@@();
        return contribution.create(Parameters.of(contribution.schema(), Map.of("probability", probability)));
    }

    /** Probability 1 inverts every image, 0 none; the batch given is never changed. */
    @Test
    void invertsAllOrNothing() {
        INDArray batch = ModelGradientCheck.uniform(3, 8, 1, 4, 4).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        INDArray before = batch.dup();
        assertEquals(batch.rsub(1.0), augmentation(1).apply(batch, new SplittableRandom(1)));
        assertEquals(before, augmentation(0).apply(batch, new SplittableRandom(1)));
        assertEquals(before, batch);
    }

    /** The same generator state gives the same batch (runs and resumed runs repeat), another seed another one. */
    @Test
    void drawsOnlyFromTheGivenGenerator() {
        INDArray batch = ModelGradientCheck.uniform(5, 64, 1, 4, 4);
        Augmentation half = augmentation(0.5);
        INDArray first = half.apply(batch, new SplittableRandom(7));
        assertEquals(first, half.apply(batch, new SplittableRandom(7)));
        assertNotEquals(first, half.apply(batch, new SplittableRandom(8)));
        long inverted = 0;
        for (long i = 0; i < 64; i++) {
            inverted += first.slice(i).equals(batch.slice(i)) ? 0 : 1;
        }
        assertEquals(32, inverted, 12, "about half of 64 images inverted");
    }
}
