package io.latentlab.layers.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.latentlab.core.layer.Shape;
import io.latentlab.core.layer.ShapeException;

/**
 * Kernel, stride, dilation and padding of a 2-D convolution or pooling, from their settings,
 * with the output-size arithmetic.
 *
 * @param kernelH kernel height
 * @param kernelW kernel width
 * @param strideH vertical stride
 * @param strideW horizontal stride
 * @param dilationH vertical dilation
 * @param dilationW horizontal dilation
 * @param same {@code true} for "same" padding, {@code false} for "valid"
 */
record ConvGeometry(int kernelH, int kernelW, int strideH, int strideW, int dilationH, int dilationW, boolean same) {

    /** The documentation of the geometry's settings, shared by convolutions and pooling. */
    static final String KERNEL_DOC = "kernel size: one value, or [height, width]";
    static final String STRIDE_DOC = "step between windows: one value, or [height, width]";
    static final String PADDING_DOC = "same: output size = ceil(input / stride); valid: only whole windows";
    static final String DILATION_DOC = "spacing between kernel taps: one value, or [height, width]";

    /** How a convolution or pooling treats the borders. */
    enum Padding {
        /** Zero padding so that the output size is ceil(input / stride). */
        SAME,
        /** Only whole windows. */
        VALID
    }

    /**
     * @param kernel one value, or [height, width]
     * @param stride one value, [height, width], or empty for the kernel size
     * @param dilation one value, or [height, width]
     * @param padding same or valid
     * @return the geometry
     */
    static ConvGeometry of(List<Long> kernel, List<Long> stride, List<Long> dilation, Padding padding) {
        int[] k = pair("kernel", kernel);
        int[] s = stride.isEmpty() ? k : pair("stride", stride);
        int[] d = pair("dilation", dilation);
        return new ConvGeometry(k[0], k[1], s[0], s[1], d[0], d[1], padding == Padding.SAME);
    }

    private static int[] pair(String name, List<Long> values) {
        if (values.size() != 1 && values.size() != 2) {
            throw new IllegalArgumentException("'" + name + "' must have 1 or 2 values, not " + values);
        }
        return new int[] {Math.toIntExact(values.get(0)), Math.toIntExact(values.get(values.size() - 1))};
    }

    /** @return output height of a convolution or pooling over {@code height} rows */
    long outputHeight(long height) {
        return outputSize(height, kernelH, strideH, dilationH);
    }

    /** @return output width of a convolution or pooling over {@code width} columns */
    long outputWidth(long width) {
        return outputSize(width, kernelW, strideW, dilationW);
    }

    private long outputSize(long size, int kernel, int stride, int dilation) {
        if (same) {
            return (size + stride - 1) / stride;
        }
        long effective = (long) (kernel - 1) * dilation + 1;
        return size < effective ? 0 : (size - effective) / stride + 1;
    }

    /** @return output height of a transposed convolution over {@code height} rows */
    long transposedHeight(long height) {
        return same ? height * strideH : (height - 1) * strideH + (long) (kernelH - 1) * dilationH + 1;
    }

    /** @return output width of a transposed convolution over {@code width} columns */
    long transposedWidth(long width) {
        return same ? width * strideW : (width - 1) * strideW + (long) (kernelW - 1) * dilationW + 1;
    }

    /**
     * libnd4j's integer arguments for conv2d, deconv2d and the pooling ops: kH, kW, sH, sW, pH,
     * pW, dH, dW, same-mode, then two zeros: NCHW data and [kH, kW, iC, oC] weights for the
     * convolutions, padding left out of the average's divisor and NCHW data for pooling.
     */
    int[] nd4jArguments() {
        return new int[] {kernelH, kernelW, strideH, strideW, 0, 0, dilationH, dilationW, same ? 1 : 0, 0, 0};
    }

    /**
     * The ONNX attributes of this window over an image: kernel_shape, strides, pads and (for
     * convolutions) dilations. libnd4j's same padding puts the odd pixel after the image (bottom,
     * right), as ONNX's SAME_UPPER does; the pads are written out for the image's size.
     *
     * @param in the image [channels, height, width]
     * @param withDilations whether to write dilations (pooling has none in opset 17's AveragePool)
     * @return the attributes
     */
    Map<String, Object> onnxAttributes(Shape in, boolean withDilations) {
        long padH = same ? Math.max(0, (outputHeight(in.dim(1)) - 1) * strideH + (long) (kernelH - 1) * dilationH + 1
                - in.dim(1)) : 0;
        long padW = same ? Math.max(0, (outputWidth(in.dim(2)) - 1) * strideW + (long) (kernelW - 1) * dilationW + 1
                - in.dim(2)) : 0;
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("kernel_shape", new long[] {kernelH, kernelW});
        attributes.put("strides", new long[] {strideH, strideW});
        attributes.put("pads", new long[] {padH / 2, padW / 2, padH - padH / 2, padW - padW / 2});
        if (withDilations) {
            attributes.put("dilations", new long[] {dilationH, dilationW});
        }
        return attributes;
    }

    /**
     * @param in an image [channels, height, width]
     * @param channels the output's channels
     * @return the output shape of a convolution or pooling
     * @throws io.latentlab.core.layer.ShapeException if the image is smaller than a window
     */
    Shape outputShape(Shape in, long channels) {
        long height = outputHeight(in.dim(1));
        long width = outputWidth(in.dim(2));
        if (height <= 0 || width <= 0) {
            throw new ShapeException("an image at least as large as the " + describe(), in);
        }
        return Shape.of(channels, height, width);
    }

    /** @return the kernel and stride in words, for messages */
    String describe() {
        return kernelH + "x" + kernelW + " kernel, stride " + strideH + "x" + strideW + ", " + (same ? "same" : "valid")
                + " padding";
    }
}
