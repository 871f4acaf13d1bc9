package io.latentlab.core.layer;

/**
 * One array a layer owns, declared in {@link Layer#build}.
 *
 * @param name unique within the layer, e.g. {@code W}
 * @param shape the array's full shape
 * @param initializer how to initialise it
 * @param fanIn inputs per output unit (for Xavier/He)
 * @param fanOut outputs per input unit (for Xavier)
 * @param constant the value for {@link Initializer#CONSTANT}
 * @param trainable {@code true} for weights the optimizer updates; {@code false} for state such
 *        as batch-norm running statistics, which is saved but not optimized
 */
public record ParameterDeclaration(String name, long[] shape, Initializer initializer, long fanIn, long fanOut,
        double constant, boolean trainable) {

    /** @return the number of values */
    public long length() {
        long length = 1;
        for (long dim : shape) {
            length *= dim;
        }
        return length;
    }
}
