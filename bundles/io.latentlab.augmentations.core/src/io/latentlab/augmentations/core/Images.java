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

    /**
     * Resamples an image through a linear map about its centre: the output pixel at offset
     * (dx, dy) from the centre reads the input at (a dx + b dy, c dx + d dy), bilinearly, 0 outside.
     *
     * @param image one image's values
     * @param a the map's first row, x part
     * @param b the map's first row, y part
     * @param c the map's second row, x part
     * @param d the map's second row, y part
     * @return the resampled values
     */
    float[] sampled(float[] image, double a, double b, double c, double d) {
        float[] result = new float[image.length];
        double cy = (height - 1) / 2.0;
        double cx = (width - 1) / 2.0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sx = cx + a * (x - cx) + b * (y - cy);
                double sy = cy + c * (x - cx) + d * (y - cy);
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double fx = sx - x0;
                double fy = sy - y0;
                for (int channel = 0; channel < channels; channel++) {
                    double value = (1 - fy) * ((1 - fx) * at(image, channel, y0, x0) + fx * at(image, channel, y0, x0 + 1))
                            + fy * ((1 - fx) * at(image, channel, y0 + 1, x0) + fx * at(image, channel, y0 + 1, x0 + 1));
                    result[index(channel, y, x)] = (float) value;
                }
            }
        }
        return result;
    }

    private float at(float[] image, int channel, int y, int x) {
        return y < 0 || y >= height || x < 0 || x >= width ? 0f : image[index(channel, y, x)];
    }
}
