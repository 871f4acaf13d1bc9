package io.latentlab.analyses.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.latentlab.analyses.LatentProjection;

/** Projections for the latent scatter: 2-D codes unchanged; 3-D codes on a plane keep their distances. */
class LatentProjectionTest {

    @Test
    void twoDimensionalCodesAreShownAsTheyAre() {
        double[][] points = LatentProjection.project(new double[][] {{1, 2}, {3, -4}});
        assertEquals(3, points[1][0]);
        assertEquals(-4, points[1][1]);
    }

    @Test
    void codesOnAPlaneKeepTheirPairwiseDistances() {
        // points in the plane spanned by (1, 1, 0)/sqrt2 and (0, 0, 1), spread more along the first
        double[][] codes = new double[50][];
        for (int i = 0; i < 50; i++) {
            double u = (i % 10) - 4.5;
            double w = 0.3 * ((i / 10) - 2);
            codes[i] = new double[] {u / Math.sqrt(2), u / Math.sqrt(2), w};
        }
        double[][] points = LatentProjection.project(codes);
        for (int i = 0; i < 50; i += 7) {
            for (int j = 0; j < 50; j += 11) {
                double original = Math.sqrt(Math.pow(codes[i][0] - codes[j][0], 2) + Math.pow(codes[i][1] - codes[j][1], 2)
                        + Math.pow(codes[i][2] - codes[j][2], 2));
                double projected = Math.hypot(points[i][0] - points[j][0], points[i][1] - points[j][1]);
                assertEquals(original, projected, 1e-6);
            }
        }
    }
}
