package io.latentlab.layers.core;

import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
import io.latentlab.core.layer.Layer;
import io.latentlab.core.layer.LayerContext;
import io.latentlab.core.layer.LayerFactory;
import io.latentlab.core.layer.ParameterDeclarations;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.onnx.OnnxExportable;
import io.latentlab.core.onnx.OnnxGraph;

/** Max or average pooling over windows of an NCHW image; libnd4j maxpool2d/avgpool2d and their _bp ops. */
abstract class Pooling extends AbstractContribution implements LayerFactory {

    private final String op;

    Pooling(String id, String name, String doc, String op) {
        super(id, name, doc, Settings.class);
        this.op = op;
    }

    /** Max and average pooling's settings. */
    record Settings(
            @Setting(doc = ConvGeometry.KERNEL_DOC, defaultValue = "[2]", min = 1, unit = "px") List<Long> kernel,
            @Setting(doc = ConvGeometry.STRIDE_DOC + "; empty: the kernel size", defaultValue = "[]", min = 1, unit = "px")
            List<Long> stride,
            @Setting(doc = ConvGeometry.PADDING_DOC, defaultValue = "valid") ConvGeometry.Padding padding) {
    }

    @Override
    public Layer create(Parameters parameters) {
        Settings settings = parameters.as(Settings.class);
        return new PoolingLayer(op, ConvGeometry.of(settings.kernel(), settings.stride(), List.of(1L), settings.padding()));
    }

    private static final class PoolingLayer implements Layer, OnnxExportable {

        private final String op;
        private final ConvGeometry geometry;
        private INDArray input;

        PoolingLayer(String op, ConvGeometry geometry) {
            this.op = op;
            this.geometry = geometry;
        }

        @Override
        public Shape build(List<Shape> inputShapes, ParameterDeclarations declarations) {
            Shape in = Inputs.single(inputShapes, 3, Inputs.IMAGE);
            return geometry.outputShape(in, in.dim(0));
        }


        @Override
        public INDArray forward(List<INDArray> inputs, LayerContext context) {
            input = inputs.get(0);
            INDArray output = context.buffer("output", input.size(0), input.size(1), geometry.outputHeight(input.size(2)),
                    geometry.outputWidth(input.size(3)));
            Nd4j.exec(DynamicCustomOp.builder(op).addInputs(input).addOutputs(output).addIntegerArguments(geometry.nd4jArguments()).build());
            return output;
        }

        @Override
        public List<INDArray> backward(INDArray outputGradient, LayerContext context) {
            INDArray inputGradient = context.buffer("input_gradient", input.shape());
            Nd4j.exec(DynamicCustomOp.builder(op + "_bp").addInputs(input, outputGradient).addOutputs(inputGradient)
                    .addIntegerArguments(geometry.nd4jArguments()).build());
            return List.of(inputGradient);
        }

        @Override
        public String toOnnx(OnnxGraph graph, List<String> inputs, List<Shape> inputShapes) {
            Map<String, Object> attributes = geometry.onnxAttributes(inputShapes.get(0), false);
            if (op.startsWith("avg")) {
                attributes.put("count_include_pad", 0L); // padding is left out of the average's divisor
                return graph.operator("AveragePool", inputs, attributes);
            }
            return graph.operator("MaxPool", inputs, attributes);
        }
    }
}
