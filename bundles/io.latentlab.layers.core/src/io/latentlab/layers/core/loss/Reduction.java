package io.latentlab.layers.core.loss;

import org.nd4j.linalg.api.ndarray.INDArray;


/** How per-value losses are combined: the mean over every value, or the sum per example averaged over the batch. */
final class Reduction {

    private Reduction() {
    }

    /** The reduction setting's documentation, shared by the losses. */
    static final String DOC = "mean: average over every value (e.g. BCE per pixel); sum: sum over each example,"
            + " averaged over the batch";

    /** @return what the summed loss is divided by */
    static double divisor(String reduction, INDArray prediction) {
        return "sum".equals(reduction) ? prediction.size(0) : prediction.length();
    }
}
