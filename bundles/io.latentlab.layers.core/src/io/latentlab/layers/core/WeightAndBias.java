package io.latentlab.layers.core;

import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.core.layer.ParameterBinding;

/** The bound weight {@code W} and optional bias {@code b} of a dense or convolution layer, with their gradients. */
final class WeightAndBias {

    final boolean useBias;
    INDArray weights;
    INDArray bias;
    INDArray weightGradient;
    INDArray biasGradient;

    WeightAndBias(boolean useBias) {
        this.useBias = useBias;
    }

    void bind(ParameterBinding parameters) {
        weights = parameters.value("W");
        weightGradient = parameters.gradient("W");
        if (useBias) {
            bias = parameters.value("b");
            biasGradient = parameters.gradient("b");
        }
    }
}
