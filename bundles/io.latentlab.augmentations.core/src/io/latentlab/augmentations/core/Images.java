package io.latentlab.augmentations.core;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A batch as a float array of [n][channels * height * width] values, and back. */
final class Images {

    final int count;
    final int channels;
    final int height;
    final int width;
    final float[][] values;
    private final long[] shape;
    private final DataType type;

    Images(INDArray batch) {
        shape = batch.shape();
        type = batch.dataType();
        count = (int) shape[0];
        channels = shape.length == 4 ? (int) shape[1] : 1;
        height = shape.length == 4 ? (int) shape[2] : 1;
        width = shape.length == 4 ? (int) shape[3] : (int) (batch.length() / count);
        values = batch.reshape(count, batch.length() / count).castTo(DataType.FLOAT).toFloatMatrix();
    }

    int index(int channel, int y, int x) {
        return (channel * height + y) * width + x;
    }

    INDArray toArray() {
        return Nd4j.createFromArray(values).reshape(shape).castTo(type);
    }
}
