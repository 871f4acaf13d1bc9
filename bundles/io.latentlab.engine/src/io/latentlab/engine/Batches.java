package io.latentlab.engine;

import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import io.latentlab.nd4j.NativeMemory;

/**
 * Walks a data set in fixed-size slices for evaluation, so that the whole test set never has to
 * go through a network at once (memory) and per-batch buffers can be reused.
 */
public final class Batches {

    /** The slice size models use for evaluation. */
    public static final int EVALUATION = 500;

    private Batches() {
    }

    /**
     * @param features examples, batch first
     * @param labels their labels (batch first) or {@code null}
     * @param size the slice size
     * @param action called with each slice of features and of labels ({@code null} without labels)
     */
    public static void forEach(INDArray features, INDArray labels, int size, BiConsumer<INDArray, INDArray> action) {
        long count = features.size(0);
        for (long start = 0; start < count; start += size) {
            long end = Math.min(count, start + size);
            action.accept(features.get(NDArrayIndex.interval(start, end)),
                    labels == null ? null : labels.get(NDArrayIndex.interval(start, end)));
            NativeMemory.collectIfGrown();
        }
    }

    /**
     * Applies a function slice by slice and stacks its results.
     *
     * @param features examples, batch first
     * @param size the slice size
     * @param perSlice maps a slice of n examples to n results (any shape after the first
     *        dimension); its result may be a reused buffer, it is copied at once
     * @return the results of all slices, batch first, as rows of the first slice's shape
     */
    public static INDArray map(INDArray features, int size, UnaryOperator<INDArray> perSlice) {
        long count = features.size(0);
        INDArray results = null;
        for (long start = 0; start < count; start += size) {
            long end = Math.min(count, start + size);
            INDArray result = perSlice.apply(features.get(NDArrayIndex.interval(start, end)));
            if (results == null) {
                long[] shape = result.shape().clone();
                shape[0] = count;
                results = Nd4j.create(result.dataType(), shape);
            }
            results.get(NDArrayIndex.interval(start, end)).assign(result);
            NativeMemory.collectIfGrown();
        }
        return results;
    }
}
