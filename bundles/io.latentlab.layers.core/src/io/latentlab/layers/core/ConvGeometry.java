package io.latentlab.layers.core;

import java.util.List;

import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.layer.ShapeException;

/**
 * Kernel, stride, dilation and padding of a 2-D convolution or pooling, read from the shared
 * parameters, with the output-size arithmetic.
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

    /** Adds kernel, stride, padding (and optionally dilation) to a schema. */
    static ParameterSchema.Builder declare(ParameterSchema.Builder builder, long defaultKernel, Long defaultStride,
            String defaultPadding, boolean dilation) {
        builder.integers("kernel", List.of(defaultKernel), 1L, "px", "kernel size: one value, or [height, width]")
                .integers("stride", defaultStride == null ? List.of() : List.of(defaultStride), 1L, "px",
                        "step between windows: one value, or [height, width]" + (defaultStride == null
                                ? "; empty: the kernel size" : ""))
                .choice("padding", defaultPadding, List.of("same", "valid"),
                        "same: output size = ceil(input / stride); valid: only whole windows");
        if (dilation) {
            builder.integers("dilation", List.of(1L), 1L, "px", "spacing between kernel taps: one value, or [height, width]");
        }
        return builder;
    }

    static ConvGeometry of(Parameters parameters) {
        int[] kernel = parameters.getInts("kernel", 2);
        int[] stride = ((List<?>) parameters.asMap().get("stride")).isEmpty() ? kernel : parameters.getInts("stride", 2);
        int[] dilation = parameters.asMap().containsKey("dilation") ? parameters.getInts("dilation", 2) : new int[] {1, 1};
        return new ConvGeometry(kernel[0], kernel[1], stride[0], stride[1], dilation[0], dilation[1],
                "same".equals(parameters.getString("padding")));
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
