package io.latentlab.core.model;

import java.util.List;

import io.latentlab.core.layer.Shape;

/**
 * A built node, for summaries and the network view.
 *
 * @param name the node name
 * @param type the layer id
 * @param inputs the names it reads
 * @param inputShapes their shapes
 * @param outputShape its output shape
 * @param parameterCount its trainable values
 */
public record NodeInfo(String name, String type, List<String> inputs, List<Shape> inputShapes, Shape outputShape,
        long parameterCount) {
}
