package io.latentlab.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.NodeInfo;
import io.latentlab.core.onnx.OnnxExportException;
import io.latentlab.core.onnx.OnnxGraph;
import io.latentlab.engine.Network;
import io.latentlab.onnx.internal.proto.OnnxIr;

/**
 * Writes a trained network as an ONNX model: opset {@value OnnxGraph#OPSET}, IR version
 * {@value #IR_VERSION}, float32, in evaluation mode. The graph's inputs and outputs are named as
 * the network's inputs and output nodes, with a first dimension {@code batch} of any size; the
 * weights are initializers named {@code <layer>/<parameter>}.
 */
public final class OnnxExport {

    /** The ONNX IR version written (the one that goes with opset 17). */
    public static final int IR_VERSION = 8;

    /** The name of the batch dimension of every input and output. */
    public static final String BATCH = "batch";

    private OnnxExport() {
    }

    /**
     * @param network a built (trained) network
     * @param description what the model is, for its doc string, e.g. {@code decoder of run runs/vae-...}
     * @param metadata key-value pairs stored in the model (run, model id, network)
     * @return the serialised ONNX model
     * @throws OnnxExportException naming the layer and its bundle if a layer has no ONNX mapping
     */
    public static byte[] toBytes(Network network, String description, Map<String, String> metadata) {
        GraphBuilder graph = new GraphBuilder();
        OnnxIr.GraphProto.Builder proto = graph.proto().setName(network.name());
        network.inputShapes().forEach((name, shape) -> proto.addInput(valueInfo(name, shape)));
        List<String> values = network.toOnnx(graph, graph::scoped);
        for (int i = 0; i < values.size(); i++) {
            String output = network.outputs().get(i);
            // every output gets its node's name, whatever value the layers left it in
            graph.rename(values.get(i), output);
            proto.addOutput(valueInfo(output, outputShape(network, output)));
        }
        OnnxIr.ModelProto.Builder model = OnnxIr.ModelProto.newBuilder().setIrVersion(IR_VERSION)
                .setProducerName("Latentlab").setProducerVersion(version()).setDomain("io.latentlab")
                .setModelVersion(1).setDocString(description).setGraph(proto)
                .addOpsetImport(OnnxIr.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OnnxGraph.OPSET));
        metadata.forEach((key, value) -> model.addMetadataProps(OnnxIr.StringStringEntryProto.newBuilder().setKey(key)
                .setValue(value)));
        return model.build().toByteArray();
    }

    /**
     * Writes a model to a file, beside it first and then moved into place, so that an
     * interrupted export never leaves half a file.
     *
     * @param file where to write, e.g. {@code decoder.onnx}
     * @param model the bytes of {@link #toBytes}
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, byte[] model) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temporary, model);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Shape outputShape(Network network, String output) {
        for (NodeInfo node : network.nodes()) {
            if (node.name().equals(output)) {
                return node.outputShape();
            }
        }
        throw new OnnxExportException("output '" + output + "' is not a node of network '" + network.name() + "'");
    }

    private static OnnxIr.ValueInfoProto valueInfo(String name, Shape shape) {
        OnnxIr.TensorShapeProto.Builder dims = OnnxIr.TensorShapeProto.newBuilder()
                .addDim(OnnxIr.TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
        for (long dim : shape.dims()) {
            dims.addDim(OnnxIr.TensorShapeProto.Dimension.newBuilder().setDimValue(dim));
        }
        return OnnxIr.ValueInfoProto.newBuilder().setName(name).setType(OnnxIr.TypeProto.newBuilder()
                .setTensorType(OnnxIr.TypeProto.Tensor.newBuilder().setElemType(OnnxIr.TensorProto.DataType.FLOAT_VALUE)
                        .setShape(dims))).build();
    }

    /** This bundle's version, as the producer version; "unknown" outside OSGi. */
    private static String version() {
        var bundle = org.osgi.framework.FrameworkUtil.getBundle(OnnxExport.class);
        return bundle == null ? "unknown" : bundle.getVersion().toString();
    }
}
