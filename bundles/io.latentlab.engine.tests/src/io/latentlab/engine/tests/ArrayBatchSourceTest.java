package io.latentlab.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import io.latentlab.engine.ArrayBatchSource;
import io.latentlab.engine.Batch;
import io.latentlab.engine.BatchSource;
import io.latentlab.nd4j.Nd4jRuntime;

/** Minibatches gathered from arrays: every example once per epoch, rows intact, labels beside their features. */
class ArrayBatchSourceTest {

    /** 23 examples of 3x2 "images" whose every value encodes the example and the position. */
    private static INDArray images(DataType type, char order) {
        INDArray images = Nd4j.create(type, new long[] {23, 3, 2}, order);
        for (int e = 0; e < 23; e++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 2; j++) {
                    images.putScalar(new long[] {e, i, j}, e * 10 + i * 2 + j);
                }
            }
        }
        return images;
    }

    private static List<Integer> epoch(BatchSource source, int epoch, INDArray features, INDArray labels) {
        List<Integer> seen = new ArrayList<>();
        Iterator<Batch> batches = source.epoch(epoch);
        while (batches.hasNext()) {
            Batch batch = batches.next();
            for (int r = 0; r < batch.features().size(0); r++) {
                int example = (int) batch.features().getDouble(r, 0, 0) / 10;
                assertEquals(features.get(NDArrayIndex.point(example)), batch.features()
                        .get(NDArrayIndex.point(r)), "row " + r + " is example " + example + " intact");
                assertEquals(example, (int) batch.labels().getDouble(r, 0), "its label beside it");
                seen.add(example);
            }
        }
        return seen;
    }

    @Test
    void everyExampleOncePerEpochWithItsLabelWhateverTheArraysLayout() {
        Nd4jRuntime.initialize();
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            for (char order : new char[] {'c', 'f'}) {
                INDArray features = images(type, order);
                INDArray labels = Nd4j.arange(23).castTo(DataType.DOUBLE).reshape(23, 1);
                ArrayBatchSource source = new ArrayBatchSource(features, labels, 5, true, 7);
                assertEquals(5, source.batchesPerEpoch(), "the last partial batch is kept");
                List<Integer> first = epoch(source, 0, features, labels);
                assertEquals(23, first.size());
                assertEquals(23, new TreeSet<>(first).size(), "each example once: " + first);
                assertNotEquals(first, epoch(source, 1, features, labels), "reshuffled each epoch");
                assertEquals(first, epoch(new ArrayBatchSource(features, labels, 5, true, 7), 0, features, labels),
                        "the same seed gives the same order");
            }
        }
    }
}
