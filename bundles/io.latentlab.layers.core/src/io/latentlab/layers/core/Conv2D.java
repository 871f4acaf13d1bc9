package io.latentlab.layers.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
 * 2-D convolution (cross-correlation) on NCHW images with libnd4j's fused conv2d/conv2d_bp.
 * Kernel W has shape [kH, kW, inChannels, filters].
 */
@Component(service = LayerFactory.class)
public final class Conv2D extends AbstractContribution implements LayerFactory {

    /** Contribution id. */
    public static final String ID = "conv2d";

    /** Creates the contribution. */
    public Conv2D() {
        super(ID, "Convolution 2-D", "Slides learned filters over an image (cross-correlation, NCHW).",
                Settings.class);
    }

    /** A convolution's settings. */
    record Settings(
            @Setting(doc = "number of output channels", min = 1, max = 1 << 16) long filters,
            @Setting(doc = ConvGeometry.KERNEL_DOC, defaultValue = "[3]", min = 1, unit = "px") List<Long> kernel,
            @Setting(doc = ConvGeometry.STRIDE_DOC, defaultValue = "[1]", min = 1, unit = "px") List<Long> stride,
            @Setting(doc = ConvGeometry.PADDING_DOC, defaultValue = "same") ConvGeometry.Padding padding,
            @Setting(doc = ConvGeometry.DILATION_DOC, defaultValue = "[1]", min = 1, unit = "px") List<Long> dilation,
            @Setting(doc = "add a learned bias per filter", defaultValue = "true") boolean useBias,
            @Setting(doc = "weight initialisation", defaultValue = "he_normal", choices = {"xavier_uniform", "he_normal"})
            String initializer) {
    }

    @Override
    public Layer create(Parameters parameters) {
        Settings settings = parameters.as(Settings.class);
        return new ConvLayer(settings.filters(), ConvGeometry.of(settings.kernel(), settings.stride(), settings.dilation(),
                settings.padding()), settings.useBias(), Initializers.of(settings.initializer()));
    }

    private static final class ConvLayer implements Layer, OnnxExportable {

        private final long filters;
        private final ConvGeometry geometry;
        private final WeightAndBias params;
        private final Initializer initializer;
        private INDArray input;

        ConvLayer(long filters, ConvGeometry geometry, boolean useBias, Initializer initializer) {
            this.filters = filters;
            this.geometry = geometry;
            this.params = new WeightAndBias(useBias);
            this.initializer = initializer;
        }

        @Override
        public Shape build(List<Shape> inputShapes, ParameterDeclarations declarations) {
            Shape in = Inputs.single(inputShapes, 3, Inputs.IMAGE);
            Shape output = geometry.outputShape(in, filters);
            long channels = in.dim(0);
            long fanIn = channels * geometry.kernelH() * geometry.kernelW();
            declarations.weight("W", new long[] {geometry.kernelH(), geometry.kernelW(), channels, filters}, initializer,
                    fanIn, filters * geometry.kernelH() * geometry.kernelW());
            if (params.useBias) {
                declarations.weight("b", new long[] {filters}, Initializer.ZEROS, fanIn, filters);
            }
            return output;
        }

        @Override
        public void bind(ParameterBinding parameters) {
            params.bind(parameters);
        }


        @Override
        public INDArray forward(List<INDArray> inputs, LayerContext context) {
            input = inputs.get(0);
            INDArray output = context.buffer("output", input.size(0), filters, geometry.outputHeight(input.size(2)),
                    geometry.outputWidth(input.size(3)));
            DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv2d").addIntegerArguments(geometry.nd4jArguments());
            op = params.useBias ? op.addInputs(input, params.weights, params.bias) : op.addInputs(input, params.weights);
            execute(op.addOutputs(output).build());
            return output;
        }

        @Override
        public List<INDArray> backward(INDArray outputGradient, LayerContext context) {
            // conv2d_bp always computes the input gradient; when nobody needs it, it lands in a scratch buffer
            INDArray inputGradient = context.buffer("input_gradient", input.shape());
            DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv2d_bp").addIntegerArguments(geometry.nd4jArguments());
            if (params.useBias) {
                op.addInputs(input, params.weights, params.bias, outputGradient).addOutputs(inputGradient, params.weightGradient, params.biasGradient);
            } else {
                op.addInputs(input, params.weights, outputGradient).addOutputs(inputGradient, params.weightGradient);
            }
            execute(op.build());
            return context.inputGradientNeeded(0) ? List.of(inputGradient) : Collections.singletonList(null);
        }

        /**
         * oneDNN in this libnd4j (1.0.0-M2.1) refuses dilated convolutions ("could not create a
         * descriptor for a dilated convolution forward propagation primitive"), so those run on
         * libnd4j's own kernels. The switch is global: dilated convolutions take turns, and ops of
         * other threads that run meanwhile only lose oneDNN's speed, never their result.
         */
        private void execute(DynamicCustomOp op) {
            if (geometry.dilationH() == 1 && geometry.dilationW() == 1) {
                Nd4j.exec(op);
                return;
            }
            synchronized (Conv2D.class) {
                Nd4j.getEnvironment().allowHelpers(false);
                try {
                    Nd4j.exec(op);
                } finally {
                    Nd4j.getEnvironment().allowHelpers(true);
                }
            }
        }

        @Override
        public String toOnnx(OnnxGraph graph, List<String> inputs, List<Shape> inputShapes) {
            // ONNX's weight layout is [filters, inChannels, kH, kW]
            List<String> operands = new ArrayList<>(List.of(inputs.get(0), graph.constant("W", params.weights.permute(3, 2, 0, 1))));
            if (params.useBias) {
                operands.add(graph.constant("b", params.bias));
            }
            return graph.operator("Conv", operands, geometry.onnxAttributes(inputShapes.get(0), true));
        }
    }
}
