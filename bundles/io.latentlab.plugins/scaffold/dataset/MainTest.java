package @@PACKAGE@@;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.latentlab.core.Parameters;
import io.latentlab.core.data.Dataset;
import io.latentlab.nd4j.Nd4jRuntime;

class @@CLASS@@Test {

    private static Dataset load(Map<String, Object> given) throws Exception {
        Nd4jRuntime.initialize();
        @@CLASS@@ contribution = new @@CLASS@@();
        return contribution.load(Parameters.of(contribution.schema(), given), Path.of("."));
    }

    /** Shapes, classes, and every image holding exactly one bar of `size` bright pixels. */
    @Test
    void shapesAndContents() throws Exception {
        Dataset data = load(Map.of("size", 8, "train_count", 40, "test_count", 10));
        assertArrayEquals(new long[] {40, 1, 8, 8}, data.trainFeatures().shape());
        assertArrayEquals(new long[] {10, 1}, data.testLabels().shape());
        assertEquals(2, data.classes());
        for (int i = 0; i < 40; i++) {
            assertEquals(8.0, data.trainFeatures().slice(i).sumNumber().doubleValue(), 0.0, "image " + i);
            double label = data.trainLabels().getDouble(i, 0);
            double rowSum = data.trainFeatures().slice(i).slice(0).sum(1).maxNumber().doubleValue();
            assertEquals(label == 0 ? 8.0 : 1.0, rowSum, 0.0, "image " + i + " with label " + label);
        }
    }

    /** The same seed gives the same images and labels. */
    @Test
    void reproducible() throws Exception {
        Dataset first = load(Map.of("seed", 3));
        assertEquals(first.trainFeatures(), load(Map.of("seed", 3)).trainFeatures());
        assertEquals(first.trainLabels(), load(Map.of("seed", 3)).trainLabels());
    }
}
