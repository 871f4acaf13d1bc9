package io.latentlab.layers.core.loss;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.core.ParameterSchema;

/** How per-value losses are combined: the mean over every value, or the sum per example averaged over the batch. */
final class Reduction {

    static final String PARAMETER = "reduction";

    private Reduction() {
    }

    static ParameterSchema.Builder declare(ParameterSchema.Builder builder, String defaultValue) {
        return builder.choice(PARAMETER, defaultValue, List.of("mean", "sum"),
                "mean: average over every value (e.g. BCE per pixel); sum: sum over each example, averaged over the batch");
    }

    /** @return what the summed loss is divided by */
    static double divisor(String reduction, INDArray prediction) {
        return "sum".equals(reduction) ? prediction.size(0) : prediction.length();
    }
}
