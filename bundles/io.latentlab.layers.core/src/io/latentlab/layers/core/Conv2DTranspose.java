package io.latentlab.layers.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
import io.latentlab.core.layer.Initializer;
import io.latentlab.core.layer.Layer;
import io.latentlab.core.layer.LayerContext;
import io.latentlab.core.layer.LayerFactory;
import io.latentlab.core.layer.ParameterBinding;
import io.latentlab.core.layer.ParameterDeclarations;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.onnx.OnnxExportable;
import io.latentlab.core.onnx.OnnxGraph;

/**
 * Transposed 2-D convolution ("deconvolution"): each input value scales one copy of the
 * kernel, placed every {@code stride} pixels in the output. It is computed as what it is, the
 * adjoint of a convolution from {@code filters} to input channels: forward is conv2d_bp's
 * input gradient, backward a conv2d (input gradient) and conv2d_bp's weight gradient. With
 * the oneDNN build these run 5-7x faster than libnd4j's own deconv2d, which oneDNN does not
 * accelerate (README, Engine benchmark). Kernel W has shape [kH, kW, filters, inChannels].
 */
@Component(service = LayerFactory.class)
public final class Conv2DTranspose extends AbstractContribution implements LayerFactory {

    /** Contribution id. */
    public static final String ID = "conv2d_transpose";

    /** Creates the contribution. */
    public Conv2DTranspose() {
        super(ID, "Transposed convolution 2-D", "Upsamples by scattering learned kernels (the gradient of a convolution).",
                Settings.class);
    }

    /** A transposed convolution's settings. */
    record Settings(
            @Setting(doc = "number of output channels", min = 1, max = 1 << 16) long filters,
            @Setting(doc = ConvGeometry.KERNEL_DOC, defaultValue = "[3]", min = 1, unit = "px") List<Long> kernel,
            @Setting(doc = ConvGeometry.STRIDE_DOC, defaultValue = "[1]", min = 1, unit = "px") List<Long> stride,
            @Setting(doc = ConvGeometry.PADDING_DOC, defaultValue = "same") ConvGeometry.Padding padding,
            @Setting(doc = "add a learned bias per filter", defaultValue = "true") boolean useBias,
            @Setting(doc = "weight initialisation", defaultValue = "he_normal", choices = {"xavier_uniform", "he_normal"})
            String initializer) {
    }

    @Override
    public Layer create(Parameters parameters) {
        Settings settings = parameters.as(Settings.class);
        return new TransposedLayer(settings.filters(), ConvGeometry.of(settings.kernel(), settings.stride(), List.of(1L),
                settings.padding()), settings.useBias(), Initializers.of(settings.initializer()));
    }

    private static final class TransposedLayer implements Layer, OnnxExportable {

        private final long filters;
        private final ConvGeometry geometry;
        private final WeightAndBias params;
        private final Initializer initializer;
        private INDArray input;
        private INDArray zeroedImage;

        TransposedLayer(long filters, ConvGeometry geometry, boolean useBias, Initializer initializer) {
            this.filters = filters;
            this.geometry = geometry;
            this.params = new WeightAndBias(useBias);
            this.initializer = initializer;
        }

        @Override
        public Shape build(List<Shape> inputShapes, ParameterDeclarations declarations) {
            Shape in = Inputs.single(inputShapes, 3, Inputs.IMAGE);
            long channels = in.dim(0);
            long taps = (long) geometry.kernelH() * geometry.kernelW();
            declarations.weight("W", new long[] {geometry.kernelH(), geometry.kernelW(), filters, channels}, initializer,
                    channels * taps, filters * taps);
            if (params.useBias) {
                declarations.weight("b", new long[] {filters}, Initializer.ZEROS, channels * taps, filters);
            }
            return Shape.of(filters, geometry.transposedHeight(in.dim(1)), geometry.transposedWidth(in.dim(2)));
        }

        @Override
        public void bind(ParameterBinding parameters) {
            params.bind(parameters);
        }


        @Override
        public INDArray forward(List<INDArray> inputs, LayerContext context) {
            input = inputs.get(0);
            long batch = input.size(0);
            long[] outputShape = {batch, filters, geometry.transposedHeight(input.size(2)),
                geometry.transposedWidth(input.size(3))};
            INDArray output = context.buffer("output", outputShape);
            INDArray unusedImage = context.buffer("unused_image", outputShape);
            if (unusedImage != zeroedImage) { // only its shape matters; zero it once so no NaN lurks in it
                unusedImage.assign(0);
                zeroedImage = unusedImage;
            }
            INDArray unusedWeights = context.buffer("unused_weight_gradient", params.weights.shape());
            Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(unusedImage, params.weights, input)
                    .addOutputs(output, unusedWeights).addIntegerArguments(geometry.nd4jArguments()).build());
            if (params.useBias) {
                // libnd4j's biasadd is several times faster than a generic broadcast add here
                Nd4j.exec(DynamicCustomOp.builder("biasadd").addInputs(output, params.bias).addOutputs(output)
                        .addBooleanArguments(true).build());
            }
            return output;
        }

        @Override
        public List<INDArray> backward(INDArray outputGradient, LayerContext context) {
            INDArray unusedImageGradient = context.buffer("unused_image_gradient", outputGradient.shape());
            Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(outputGradient, params.weights, input)
                    .addOutputs(unusedImageGradient, params.weightGradient).addIntegerArguments(geometry.nd4jArguments()).build());
            if (params.useBias) {
                params.biasGradient.assign(outputGradient.sum(0, 2, 3));
            }
            if (!context.inputGradientNeeded(0)) {
                return Collections.singletonList(null);
            }
            INDArray inputGradient = context.buffer("input_gradient", input.shape());
            Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(outputGradient, params.weights).addOutputs(inputGradient)
                    .addIntegerArguments(geometry.nd4jArguments()).build());
            return List.of(inputGradient);
        }

        /**
         * ONNX's ConvTranspose is the same adjoint, with weights [inChannels, filters, kH, kW]. Same
         * padding crops what the convolution it is the adjoint of would pad (the odd pixel at the
         * end); a kernel smaller than the stride leaves zeros at the end (output_padding).
         */
        @Override
        public String toOnnx(OnnxGraph graph, List<String> inputs, List<Shape> inputShapes) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("kernel_shape", new long[] {geometry.kernelH(), geometry.kernelW()});
            attributes.put("strides", new long[] {geometry.strideH(), geometry.strideW()});
            long[] pads = new long[4];
            long[] outputPadding = new long[2];
            if (geometry.same()) {
                long cropH = geometry.kernelH() - geometry.strideH();
                long cropW = geometry.kernelW() - geometry.strideW();
                pads = new long[] {Math.max(0, cropH) / 2, Math.max(0, cropW) / 2, Math.max(0, cropH) - Math.max(0, cropH) / 2,
                    Math.max(0, cropW) - Math.max(0, cropW) / 2};
                outputPadding = new long[] {Math.max(0, -cropH), Math.max(0, -cropW)};
            }
            attributes.put("pads", pads);
            attributes.put("output_padding", outputPadding);
            List<String> operands = new ArrayList<>(List.of(inputs.get(0), graph.constant("W", params.weights.permute(3, 2, 0, 1))));
            if (params.useBias) {
                operands.add(graph.constant("b", params.bias));
            }
            return graph.operator("ConvTranspose", operands, attributes);
        }
    }
}
