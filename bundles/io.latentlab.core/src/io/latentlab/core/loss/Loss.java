package io.latentlab.core.loss;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss between a network's prediction(s) and a target. Keeps what {@link #backward} needs
 * from the last {@link #forward}.
 */
public interface Loss {

    /** @return how many predictions it takes: 1 for most, 2 for KL (mean and log-variance) */
    default int arity() {
        return 1;
    }

    /** @return {@code false} for losses of the predictions alone (KL to a prior) */
    default boolean needsTarget() {
        return true;
    }

    /**
     * @param predictions {@link #arity()} arrays, batch first
     * @param target the target (same shape as the prediction), or {@code null} if not {@link #needsTarget()}
     * @return the loss, averaged over the batch
     */
    double forward(List<INDArray> predictions, INDArray target);

    /** @return dLoss/dPrediction for each prediction of the last forward */
    List<INDArray> backward();
}
