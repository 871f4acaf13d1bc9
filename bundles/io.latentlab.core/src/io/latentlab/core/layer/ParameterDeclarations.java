package io.latentlab.core.layer;

/** Where a layer declares its parameters during {@link Layer#build}. */
public interface ParameterDeclarations {

    /**
     * Declares a trainable parameter.
     *
     * @param name unique within the layer
     * @param shape its shape
     * @param initializer how to initialise it
     * @param fanIn inputs per output unit
     * @param fanOut outputs per input unit
     */
    void weight(String name, long[] shape, Initializer initializer, long fanIn, long fanOut);

    /**
     * Declares a trainable parameter with a constant initial value.
     *
     * @param name unique within the layer
     * @param shape its shape
     * @param value the initial value of every element
     */
    void weight(String name, long[] shape, double value);

    /**
     * Declares non-trainable state (saved in checkpoints, never touched by the optimizer).
     *
     * @param name unique within the layer
     * @param shape its shape
     * @param value the initial value of every element
     */
    void state(String name, long[] shape, double value);
}
