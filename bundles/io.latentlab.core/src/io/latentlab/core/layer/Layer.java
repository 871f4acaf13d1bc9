package io.latentlab.core.layer;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer instance in one network (one instance per node: it keeps what backward needs from
 * forward). Life cycle: {@link #build} once, {@link #bind} once, then forward/backward pairs.
 * Inputs and outputs carry the batch as their first dimension.
 */
public interface Layer {

    /**
     * Checks the input shapes, declares parameters, and returns the output shape.
     *
     * @param inputShapes shapes of the inputs, without batch
     * @param declarations where to declare parameters
     * @return the output shape, without batch
     * @throws ShapeException if the inputs do not suit this layer
     */
    Shape build(List<Shape> inputShapes, ParameterDeclarations declarations);

    /**
     * Receives the declared parameters, allocated and initialised. Layers without parameters
     * need not implement it.
     *
     * @param parameters views of the declared parameters and their gradients
     */
    default void bind(ParameterBinding parameters) {
    }

    /**
     * Computes the output. May keep references needed by {@link #backward}.
     *
     * @param inputs one array per input, batch first
     * @param context training flag, random generator, data type
     * @return the output, batch first; a new array or a view, never one of the inputs modified in place
     */
    INDArray forward(List<INDArray> inputs, LayerContext context);

    /**
     * Computes gradients for the last {@link #forward} call: writes parameter gradients into
     * the bound gradient views and returns the gradients of the inputs.
     *
     * @param outputGradient dLoss/dOutput, same shape as the output
     * @param context the same context as forward
     * @return dLoss/dInput, one per input, in input order
     */
    List<INDArray> backward(INDArray outputGradient, LayerContext context);
}
