package io.latentlab.engine;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Minibatches from arrays in memory, shuffled per epoch by a seed (the last partial batch is kept). */
public final class ArrayBatchSource implements BatchSource {

    private final INDArray features;
    private final INDArray labels;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;

    /**
     * @param features all examples, first dimension the example index
     * @param labels their labels or targets, or {@code null}
     * @param batchSize examples per batch
     * @param shuffle whether to shuffle each epoch
     * @param seed the shuffling seed
     */
    public ArrayBatchSource(INDArray features, INDArray labels, int batchSize, boolean shuffle, long seed) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, not " + batchSize);
        }
        this.features = features;
        this.labels = labels;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    @Override
    public long batchesPerEpoch() {
        return (features.size(0) + batchSize - 1) / batchSize;
    }

    @Override
    public Iterator<Batch> epoch(int epoch) {
        int count = Math.toIntExact(features.size(0));
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        if (shuffle) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch);
            for (int i = count - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int end = Math.min(count, next + batchSize);
                INDArray indices = Nd4j.createFromArray(Arrays.copyOfRange(order, next, end));
                next = end;
                return new Batch(features.get(indices), labels == null ? null : labels.get(indices));
            }
        };
    }
}
