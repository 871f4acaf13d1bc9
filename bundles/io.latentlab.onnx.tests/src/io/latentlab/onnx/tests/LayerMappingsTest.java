package io.latentlab.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.onnx.OnnxExportException;
import io.latentlab.engine.Network;
import io.latentlab.engine.NetworkSpec;
import io.latentlab.engine.NodeSpec;
import io.latentlab.layers.core.Add;
import io.latentlab.layers.core.AveragePooling2D;
import io.latentlab.layers.core.BatchNorm;
import io.latentlab.layers.core.Concat;
import io.latentlab.layers.core.Conv2D;
import io.latentlab.layers.core.Conv2DTranspose;
import io.latentlab.layers.core.Dense;
import io.latentlab.layers.core.Dropout;
import io.latentlab.layers.core.Flatten;
import io.latentlab.layers.core.MaxPooling2D;
import io.latentlab.layers.core.Reshape;
import io.latentlab.layers.core.Upsampling2D;
import io.latentlab.layers.core.activation.ElementwiseActivation;
import io.latentlab.layers.core.activation.Identity;
import io.latentlab.layers.core.activation.LeakyRelu;
import io.latentlab.layers.core.activation.ParametricRelu;
import io.latentlab.layers.core.activation.RandomizedRelu;
import io.latentlab.layers.core.activation.Relu;
import io.latentlab.layers.core.activation.Sigmoid;
import io.latentlab.layers.core.activation.Softmax;
import io.latentlab.layers.core.activation.Tanh;
import io.latentlab.onnx.OnnxExport;
import io.latentlab.onnx.internal.proto.OnnxIr;

/**
 * Every built-in layer and activation, exported alone or in small graphs with settings that
 * stress its mapping (odd image sizes for same padding, kernels smaller and larger than the
 * stride, biases off, running statistics far from 0 and 1), gives in ONNX Runtime what it gives
 * in the engine, to within 1e-5.
 */
class LayerMappingsTest {

    /** An activation with no ONNX mapping, as a plugin's might be. */
    static final class Cube extends ElementwiseActivation {
        Cube() {
            super("cube", "Cube", "x^3", ParameterSchema.EMPTY);
        }

        @Override
        protected void apply(INDArray x, INDArray y, Parameters parameters) {
            y.assign(x.mul(x).muli(x));
        }

        @Override
        protected void backward(INDArray x, INDArray y, INDArray gradient, INDArray dx, Parameters parameters) {
            dx.assign(x.mul(x).muli(3).muli(gradient));
        }
    }

    static final ContributionRegistry REGISTRY = ContributionRegistry.of(new Dense(), new Conv2D(), new Conv2DTranspose(),
            new MaxPooling2D(), new AveragePooling2D(), new Upsampling2D(), new BatchNorm(), new Dropout(), new Flatten(),
            new Reshape(), new Concat(), new Add(), new Sigmoid(), new Tanh(), new Relu(), new LeakyRelu(), new Identity(),
            new Softmax(), new ParametricRelu(), new RandomizedRelu(), new Cube());

    private static Arguments chain(String name, Shape input, NodeSpec... layers) {
        return Arguments.of(name, NetworkSpec.sequential(input, List.of(layers)));
    }

    private static NodeSpec layer(String name, String type, Object... parameters) {
        return NetworkSpec.layer(name, type, parameters);
    }

    static Stream<Arguments> networks() {
        Shape vector = Shape.of(20);
        Shape image = Shape.of(3, 9, 9); // odd: same padding puts the extra pixel at the end
        return Stream.of(
                chain("dense + sigmoid", vector, layer("d", "dense", "units", 7, "activation", "sigmoid")),
                chain("dense without bias + tanh", vector, layer("d", "dense", "units", 7, "use_bias", false,
                        "activation", "tanh")),
                chain("relu, leaky_relu, identity", vector, layer("d", "dense", "units", 12, "activation", "relu"),
                        layer("e", "dense", "units", 12, "activation", "leaky_relu"), layer("f", "leaky_relu", "alpha", 0.2),
                        layer("g", "identity")),
                chain("softmax", vector, layer("d", "dense", "units", 10, "activation", "softmax")),
                chain("prelu, rrelu in evaluation", vector, layer("d", "dense", "units", 12, "activation", "prelu"),
                        layer("e", "rrelu", "lower", 0.1, "upper", 0.3)),
                chain("conv2d same, stride 1", image, layer("c", "conv2d", "filters", 4, "kernel", List.of(3))),
                chain("conv2d same, stride 2, 5x3 kernel", image, layer("c", "conv2d", "filters", 4, "kernel", List.of(5, 3),
                        "stride", List.of(2))),
                chain("conv2d valid, stride 2, no bias", image, layer("c", "conv2d", "filters", 2,
                        "kernel", List.of(3), "stride", List.of(2), "padding", "valid", "use_bias", false)),
                chain("conv2d valid, dilation 2", image, layer("c", "conv2d", "filters", 2, "kernel", List.of(3),
                        "padding", "valid", "dilation", List.of(2))),
                chain("conv2d same, dilation 2", image, layer("c", "conv2d", "filters", 2, "kernel", List.of(3),
                        "dilation", List.of(2))),
                chain("conv2d_transpose same, kernel 3 > stride 2", image, layer("t", "conv2d_transpose", "filters", 4,
                        "kernel", List.of(3), "stride", List.of(2))),
                chain("conv2d_transpose same, kernel 4, stride 2", image, layer("t", "conv2d_transpose", "filters", 2,
                        "kernel", List.of(4), "stride", List.of(2))),
                chain("conv2d_transpose same, kernel 1 < stride 2", image, layer("t", "conv2d_transpose", "filters", 2,
                        "kernel", List.of(1), "stride", List.of(2), "use_bias", false)),
                chain("conv2d_transpose valid, kernel 3, stride 2", image, layer("t", "conv2d_transpose", "filters", 2,
                        "kernel", List.of(3), "stride", List.of(2), "padding", "valid")),
                chain("max pooling valid 2x2", image, layer("p", "max_pooling2d")),
                chain("max pooling same 3x3, stride 2", image, layer("p", "max_pooling2d", "kernel", List.of(3),
                        "stride", List.of(2), "padding", "same")),
                chain("average pooling valid 2x2", image, layer("p", "avg_pooling2d")),
                chain("average pooling same 3x3, stride 2 (padding out of the mean)", image, layer("p", "avg_pooling2d",
                        "kernel", List.of(3), "stride", List.of(2), "padding", "same")),
                chain("upsampling nearest 2x3", image, layer("u", "upsampling2d", "factor", List.of(2, 3))),
                chain("upsampling bilinear 2", image, layer("u", "upsampling2d", "interpolation", "bilinear")),
                chain("batch norm of vectors", vector, layer("d", "dense", "units", 6), layer("b", "batch_norm",
                        "epsilon", 1e-3)),
                chain("batch norm of images", image, layer("c", "conv2d", "filters", 4), layer("b", "batch_norm",
                        "activation", "relu")),
                chain("dropout in evaluation, flatten, reshape", image, layer("o", "dropout", "rate", 0.5),
                        layer("f", "flatten"), layer("r", "reshape", "shape", List.of(27, 9)), layer("g", "flatten"),
                        layer("d", "dense", "units", 5)),
                Arguments.of("skip connections: concat and add", new NetworkSpec(Map.of("input", image), List.of(
                        new NodeSpec("a", "conv2d", Map.of("filters", 4), List.of("input")),
                        new NodeSpec("b", "conv2d", Map.of("filters", 4, "activation", "tanh"), List.of("a")),
                        new NodeSpec("sum", "add", Map.of(), List.of("a", "b", "a")),
                        new NodeSpec("both", "concat", Map.of(), List.of("sum", "input"))), List.of("both"))),
                Arguments.of("two inputs and two outputs", new NetworkSpec(new LinkedHashMap<>(Map.of("x", vector,
                        "y", Shape.of(4))), List.of(
                        new NodeSpec("joined", "concat", Map.of(), List.of("x", "y")),
                        new NodeSpec("mu", "dense", Map.of("units", 3), List.of("joined")),
                        new NodeSpec("p", "dense", Map.of("units", 3, "activation", "sigmoid"), List.of("joined"))),
                        List.of("mu", "p"))));
    }

    /** The network with every parameter and statistic random, so that no mapping hides behind zeros and ones. */
    private static Network randomised(NetworkSpec spec) {
        Network network = Network.build("net", spec, REGISTRY, DataType.FLOAT, 11);
        Nd4j.getRandom().setSeed(5);
        network.parameters().assign(Nd4j.randn(DataType.FLOAT, network.parameters().shape()).muli(0.4));
        if (network.state() != null) {
            // running means and variances: uniform in [0.5, 2]
            network.state().assign(Nd4j.rand(DataType.FLOAT, network.state().shape()).muli(1.5).addi(0.5));
        }
        return network;
    }

    private static Map<String, INDArray> inputs(NetworkSpec spec, int batch) {
        Map<String, INDArray> inputs = new LinkedHashMap<>();
        spec.inputs().forEach((name, shape) -> inputs.put(name, Nd4j.randn(DataType.FLOAT, shape.withBatch(batch))));
        return inputs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void onnxRuntimeGivesWhatTheEngineGives(String name, NetworkSpec spec) throws Exception {
        Network network = randomised(spec);
        byte[] model = OnnxExport.toBytes(network, name, Map.of());
        OnnxRuntimeCheck.assertSameOutputs(model, network, inputs(spec, 5), name);
        // another batch size: the batch dimension is free
        OnnxRuntimeCheck.assertSameOutputs(model, network, inputs(spec, 1), name + " (batch 1)");
    }

    /** Inputs and outputs are named and shaped as the network's, with a free batch dimension, at opset 17. */
    @Test
    void theModelDeclaresItsInputsOutputsAndOpset() throws Exception {
        NetworkSpec spec = NetworkSpec.sequential(Shape.of(1, 28, 28), List.of(layer("flat", "flatten"),
                layer("code", "dense", "units", 16, "activation", "relu")));
        Network network = randomised(spec);
        OnnxIr.ModelProto model = OnnxIr.ModelProto.parseFrom(OnnxExport.toBytes(network, "encoder of a test",
                Map.of("latentlab.network", "encoder")));
        assertEquals(8, model.getIrVersion());
        assertEquals(17, model.getOpsetImport(0).getVersion());
        assertEquals("Latentlab", model.getProducerName());
        assertEquals("encoder", model.getMetadataProps(0).getValue());
        OnnxIr.ValueInfoProto input = model.getGraph().getInput(0);
        assertEquals("input", input.getName());
        List<String> dims = new ArrayList<>();
        input.getType().getTensorType().getShape().getDimList().forEach(d -> dims.add(d.hasDimParam() ? d.getDimParam()
                : String.valueOf(d.getDimValue())));
        assertEquals(List.of("batch", "1", "28", "28"), dims);
        assertEquals("code", model.getGraph().getOutput(0).getName());
        List<String> initializers = model.getGraph().getInitializerList().stream().map(OnnxIr.TensorProto::getName)
                .toList();
        assertEquals(List.of("code/W", "code/b"), initializers);
        // the same network gives the same bytes
        assertEquals(OnnxIr.ModelProto.parseFrom(OnnxExport.toBytes(network, "encoder of a test",
                Map.of("latentlab.network", "encoder"))), model);
    }

    /** A layer or activation without a mapping: export fails naming it, its layer and the network. */
    @Test
    void anActivationWithoutAMappingIsNamed() {
        Network attached = randomised(NetworkSpec.sequential(Shape.of(4), List.of(layer("hidden", "dense", "units", 3,
                "activation", "cube"))));
        OnnxExportException e = assertThrows(OnnxExportException.class, () -> OnnxExport.toBytes(attached, "", Map.of()));
        assertEquals("layer 'hidden' (dense from static 0.0.0) of network 'net' has activation 'cube' (cube from static"
                + " 0.0.0) attached, which has no ONNX mapping; its bundle can add one by overriding"
                + " ElementwiseActivation.toOnnx (docs/plugins.md)", e.getMessage());

        Network alone = randomised(NetworkSpec.sequential(Shape.of(4), List.of(layer("cubed", "cube"))));
        e = assertThrows(OnnxExportException.class, () -> OnnxExport.toBytes(alone, "", Map.of()));
        assertEquals("layer 'cubed' (cube from static 0.0.0) of network 'net' has no ONNX mapping; its bundle can add one"
                + " by overriding ElementwiseActivation.toOnnx (docs/plugins.md)", e.getMessage());
    }
}
