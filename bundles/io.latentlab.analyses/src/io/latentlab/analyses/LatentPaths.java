package io.latentlab.analyses;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Paths between two latent codes: linear, or spherical (slerp, which keeps norms typical of a Gaussian prior). */
public final class LatentPaths {

    private LatentPaths() {
    }

    /**
     * @param from the first code (a vector)
     * @param to the last code
     * @param steps points on the path, ends included (at least 2)
     * @param spherical slerp instead of a straight line
     * @return the codes, [steps, size]
     */
    public static INDArray between(INDArray from, INDArray to, int steps, boolean spherical) {
        INDArray a = from.reshape(1, from.length());
        INDArray b = to.reshape(1, to.length());
        double cosine = a.mul(b).sumNumber().doubleValue() / (a.norm2Number().doubleValue() * b.norm2Number().doubleValue());
        double omega = Math.acos(Math.max(-1, Math.min(1, cosine)));
        INDArray path = Nd4j.create(a.dataType(), steps, a.length());
        for (int i = 0; i < steps; i++) {
            double t = (double) i / (steps - 1);
            double wa = 1 - t;
            double wb = t;
            if (spherical && Math.sin(omega) > 1e-6) {
                wa = Math.sin((1 - t) * omega) / Math.sin(omega);
                wb = Math.sin(t * omega) / Math.sin(omega);
            }
            path.getRow(i).assign(a.mul(wa).addi(b.mul(wb)).reshape(a.length()));
        }
        return path;
    }

    /** Points per axis of the manifold picture, in the CLI's latent map and the workbench alike. */
    public static final int MANIFOLD_SIDE = 20;
    /** The manifold picture's largest coordinate: three prior standard deviations. */
    public static final double MANIFOLD_EXTENT = 3;

    /** @return the codes of the manifold picture: {@link #grid} of {@link #MANIFOLD_SIDE} over {@link #MANIFOLD_EXTENT} */
    public static INDArray manifold() {
        return grid(MANIFOLD_SIDE, MANIFOLD_EXTENT);
    }

    /**
     * The codes of a 2-D latent space's manifold picture: a side x side grid over
     * [-extent, extent]^2, row by row from the top (z2 = extent) down, z1 growing to the right.
     *
     * @param side points per axis (at least 2)
     * @param extent the largest coordinate, e.g. 3 (three prior standard deviations)
     * @return the codes, [side * side, 2]
     */
    public static INDArray grid(int side, double extent) {
        if (side < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 points per axis, not " + side);
        }
        INDArray grid = Nd4j.create(DataType.FLOAT, (long) side * side, 2);
        for (int row = 0; row < side; row++) {
            for (int column = 0; column < side; column++) {
                grid.putScalar(new long[] {(long) row * side + column, 0}, -extent + 2 * extent * column / (side - 1));
                grid.putScalar(new long[] {(long) row * side + column, 1}, extent - 2 * extent * row / (side - 1));
            }
        }
        return grid;
    }
}
