package io.latentlab.core.layer;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer's parameters after allocation: views into the network's flat parameter and gradient
 * buffers. Write parameter gradients into {@link #gradient(String)} (assign, not add) during
 * {@link Layer#backward}.
 */
public interface ParameterBinding {

    /**
     * @param name a declared parameter or state
     * @return its values (a view; update in place)
     */
    INDArray value(String name);

    /**
     * @param name a declared trainable parameter
     * @return where its gradient goes (a view of the same shape)
     */
    INDArray gradient(String name);
}
