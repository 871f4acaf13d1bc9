package io.latentlab.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import com.google.protobuf.ByteString;

import io.latentlab.core.onnx.OnnxExportException;
import io.latentlab.core.onnx.OnnxGraph;
import io.latentlab.onnx.internal.proto.OnnxIr;

/**
 * The ONNX graph the layers write into. Each layer writes through {@link #scoped}, so its
 * constants and operator outputs are named {@code <node>/<name>} and cannot collide with another
 * layer's.
 */
final class GraphBuilder implements OnnxGraph {

    private final OnnxIr.GraphProto.Builder graph = OnnxIr.GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();
    private final String prefix;
    private final GraphBuilder root;

    GraphBuilder() {
        this.prefix = "";
        this.root = this;
    }

    private GraphBuilder(GraphBuilder root, String prefix) {
        this.root = root;
        this.prefix = prefix;
    }

    /** @return the graph being built (the root's) */
    OnnxIr.GraphProto.Builder proto() {
        return root.graph;
    }

    /**
     * @param node a network node's name
     * @return a view of this graph whose names start with {@code node/}
     */
    OnnxGraph scoped(String node) {
        return new GraphBuilder(root, node + "/");
    }

    /** A name not used yet: the wanted one, else with _1, _2, ... */
    private String unique(String wanted) {
        String name = prefix + wanted;
        for (int i = 1; !root.names.add(name); i++) {
            name = prefix + wanted + "_" + i;
        }
        return name;
    }

    @Override
    public String constant(String name, INDArray value) {
        float[] values = value.castTo(DataType.FLOAT).dup('c').reshape(value.length()).toFloatVector();
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        String unique = unique(name);
        OnnxIr.TensorProto.Builder tensor = OnnxIr.TensorProto.newBuilder().setName(unique)
                .setDataType(OnnxIr.TensorProto.DataType.FLOAT_VALUE).setRawData(ByteString.copyFrom(bytes.array()));
        for (long dim : value.shape()) {
            tensor.addDims(dim);
        }
        root.graph.addInitializer(tensor);
        return unique;
    }

    @Override
    public String integers(String name, long... values) {
        String unique = unique(name);
        OnnxIr.TensorProto.Builder tensor = OnnxIr.TensorProto.newBuilder().setName(unique)
                .setDataType(OnnxIr.TensorProto.DataType.INT64_VALUE).addDims(values.length);
        for (long value : values) {
            tensor.addInt64Data(value);
        }
        root.graph.addInitializer(tensor);
        return unique;
    }

    @Override
    public String operator(String operator, List<String> inputs, Map<String, Object> attributes) {
        String output = unique(operator);
        OnnxIr.NodeProto.Builder node = OnnxIr.NodeProto.newBuilder().setOpType(operator).setName(output)
                .addAllInput(inputs).addOutput(output);
        // sorted, so that the same network always gives the same bytes
        new TreeMap<>(attributes).forEach((name, value) -> node.addAttribute(attribute(operator, name, value)));
        root.graph.addNode(node);
        return output;
    }

    /** Gives a value a graph output's name: an Identity node, as ONNX has no aliasing. */
    void rename(String value, String name) {
        if (!root.names.add(name)) {
            throw new OnnxExportException("the ONNX name '" + name + "' is used twice");
        }
        root.graph.addNode(OnnxIr.NodeProto.newBuilder().setOpType("Identity").setName(name).addInput(value)
                .addOutput(name));
    }

    private static OnnxIr.AttributeProto attribute(String operator, String name, Object value) {
        OnnxIr.AttributeProto.Builder attribute = OnnxIr.AttributeProto.newBuilder().setName(name);
        switch (value) {
            case Long l -> attribute.setType(OnnxIr.AttributeProto.AttributeType.INT).setI(l);
            case Integer i -> attribute.setType(OnnxIr.AttributeProto.AttributeType.INT).setI(i);
            case Double d -> attribute.setType(OnnxIr.AttributeProto.AttributeType.FLOAT).setF(d.floatValue());
            case Float f -> attribute.setType(OnnxIr.AttributeProto.AttributeType.FLOAT).setF(f);
            case String s -> attribute.setType(OnnxIr.AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(s));
            case long[] longs -> {
                attribute.setType(OnnxIr.AttributeProto.AttributeType.INTS);
                for (long l : longs) {
                    attribute.addInts(l);
                }
            }
            case int[] ints -> {
                attribute.setType(OnnxIr.AttributeProto.AttributeType.INTS);
                for (int i : ints) {
                    attribute.addInts(i);
                }
            }
            case float[] floats -> {
                attribute.setType(OnnxIr.AttributeProto.AttributeType.FLOATS);
                for (float f : floats) {
                    attribute.addFloats(f);
                }
            }
            case double[] doubles -> {
                attribute.setType(OnnxIr.AttributeProto.AttributeType.FLOATS);
                for (double d : doubles) {
                    attribute.addFloats((float) d);
                }
            }
            default -> throw new OnnxExportException("attribute '" + name + "' of " + operator + " is a "
                    + value.getClass().getSimpleName() + "; attributes are numbers, strings or arrays of numbers");
        }
        return attribute.build();
    }
}
