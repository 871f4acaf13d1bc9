package io.latentlab.engine;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
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
                int[] rows = Arrays.copyOfRange(order, next, end);
                next = end;
                return new Batch(gather(features, rows), labels == null ? null : gather(labels, rows));
            }
        };
    }

    /**
     * The rows of {@code source} in the given order, as a new array. A dense row-major float or
     * double array is copied row by row through its buffer (a memory copy per row); ND4J's
     * index-array {@code get} does the same work at several times the cost, which showed as a
     * quarter of a dense autoencoder's training time.
     */
    static INDArray gather(INDArray source, int[] rows) {
        long[] shape = source.shape().clone();
        shape[0] = rows.length;
        boolean plain = !source.isView() && source.ordering() == 'c' && source.length() > 0
                && (source.dataType() == DataType.FLOAT || source.dataType() == DataType.DOUBLE);
        if (!plain) {
            return source.get(Nd4j.createFromArray(rows));
        }
        INDArray gathered = Nd4j.createUninitialized(source.dataType(), shape, 'c');
        int rowLength = Math.toIntExact(source.length() / source.size(0));
        if (source.dataType() == DataType.FLOAT) {
            FloatBuffer from = source.data().asNioFloat();
            FloatBuffer to = gathered.data().asNioFloat();
            for (int i = 0; i < rows.length; i++) {
                to.put(i * rowLength, from, rows[i] * rowLength, rowLength);
            }
        } else {
            DoubleBuffer from = source.data().asNioDouble();
            DoubleBuffer to = gathered.data().asNioDouble();
            for (int i = 0; i < rows.length; i++) {
                to.put(i * rowLength, from, rows[i] * rowLength, rowLength);
            }
        }
        return gathered;
    }
}
