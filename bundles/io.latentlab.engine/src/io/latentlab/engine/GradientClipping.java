package io.latentlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Rescales gradients whose global norm is too large. */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * @param gradients all gradients, one flat array (rescaled in place)
     * @param maxNorm the largest allowed L2 norm; 0 or less disables clipping
     * @return the norm before clipping
     */
    public static double clipByGlobalNorm(INDArray gradients, double maxNorm) {
        double norm = gradients.norm2Number().doubleValue();
        if (maxNorm > 0 && norm > maxNorm && Double.isFinite(norm)) {
            gradients.muli(maxNorm / norm);
        }
        return norm;
    }
}
