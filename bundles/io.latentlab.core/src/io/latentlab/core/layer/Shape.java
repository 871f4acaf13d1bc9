package io.latentlab.core.layer;

import java.util.Arrays;

/**
 * The shape of one example, without the batch dimension: {@code [784]} for a vector,
 * {@code [1, 28, 28]} for a one-channel image (channels, height, width).
 */
public final class Shape {

    private final long[] dims;

    private Shape(long[] dims) {
        for (long dim : dims) {
            if (dim <= 0) {
                throw new IllegalArgumentException("shape dimensions must be positive: " + Arrays.toString(dims));
            }
        }
        this.dims = dims.clone();
    }

    /**
     * @param dims the dimensions, each positive
     * @return the shape
     */
    public static Shape of(long... dims) {
        return new Shape(dims);
    }

    /**
     * @param batchShape an array's full shape, batch first
     * @return the shape of one example
     */
    public static Shape ofBatch(long[] batchShape) {
        return new Shape(Arrays.copyOfRange(batchShape, 1, batchShape.length));
    }

    /** @return the number of dimensions */
    public int rank() {
        return dims.length;
    }

    /**
     * @param index a dimension index
     * @return its size
     */
    public long dim(int index) {
        return dims[index];
    }

    /** @return the dimensions (a copy) */
    public long[] dims() {
        return dims.clone();
    }

    /** @return the number of values in one example */
    public long size() {
        long size = 1;
        for (long dim : dims) {
            size *= dim;
        }
        return size;
    }

    /**
     * @param batch the batch size
     * @return the full array shape, batch first
     */
    public long[] withBatch(long batch) {
        long[] shape = new long[dims.length + 1];
        shape[0] = batch;
        System.arraycopy(dims, 0, shape, 1, dims.length);
        return shape;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Shape shape && Arrays.equals(dims, shape.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
