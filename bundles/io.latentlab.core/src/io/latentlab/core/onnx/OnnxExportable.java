package io.latentlab.core.onnx;

import java.util.List;

import io.latentlab.core.layer.Shape;

/**
 * Implemented by a {@link io.latentlab.core.layer.Layer} (the object its factory creates) that can
 * be written as ONNX operators. Export runs after training, with the layer built and its
 * parameters bound, so the layer adds its current parameter values as constants.
 * <p>
 * What is written is the layer in evaluation mode: dropout off, batch statistics replaced by
 * running statistics, random slopes by their mean. Tensors are batch first, images NCHW, as in
 * the engine.
 */
public interface OnnxExportable {

    /**
     * Adds this layer's computation to the graph.
     *
     * @param graph where to add operators and constants; names are scoped to the layer's node
     * @param inputs the ONNX value names of the layer's inputs, in input order
     * @param inputShapes their shapes without the batch dimension
     * @return the ONNX value name of the layer's output (may be one of {@code inputs} for a layer
     *         that changes nothing in evaluation)
     * @throws OnnxExportException if these settings have no ONNX equivalent
     */
    String toOnnx(OnnxGraph graph, List<String> inputs, List<Shape> inputShapes);
}
