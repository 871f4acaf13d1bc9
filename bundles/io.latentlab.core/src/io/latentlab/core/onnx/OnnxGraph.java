package io.latentlab.core.onnx;

import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An ONNX graph under construction, as a layer sees it ({@link OnnxExportable}). Operators are
 * those of the default ONNX domain at {@link #OPSET}; see the ONNX operator documentation for
 * their inputs and attributes.
 */
public interface OnnxGraph {

    /** The ONNX operator set version every exported model imports. */
    int OPSET = 17;

    /**
     * Adds a float32 constant (a weight) with the array's shape and values.
     *
     * @param name a name unique within the layer, e.g. {@code W}
     * @param value its value (copied now; any data type, written as float32)
     * @return the ONNX value name to use as an operator input
     */
    String constant(String name, INDArray value);

    /**
     * Adds an int64 vector constant, e.g. a shape for {@code Reshape}.
     *
     * @param name a name unique within the layer
     * @param values its values
     * @return the ONNX value name
     */
    String integers(String name, long... values);

    /**
     * Adds one operator with one output.
     *
     * @param operator the ONNX operator type, e.g. {@code Conv}
     * @param inputs the value names it reads, in the operator's order; {@code ""} for an optional
     *        input left out
     * @param attributes by name: {@code Long}/{@code Integer} (int), {@code Double}/{@code Float}
     *        (float), {@code String}, {@code long[]}/{@code int[]} (ints) or {@code float[]}/{@code double[]} (floats)
     * @return the ONNX value name of its output
     */
    String operator(String operator, List<String> inputs, Map<String, Object> attributes);

    /**
     * Adds one operator with one output and no attributes.
     *
     * @param operator the ONNX operator type, e.g. {@code Sigmoid}
     * @param inputs the value names it reads
     * @return the ONNX value name of its output
     */
    default String operator(String operator, String... inputs) {
        return operator(operator, List.of(inputs), Map.of());
    }
}
