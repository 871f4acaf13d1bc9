package io.latentlab.analyses.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.analyses.LatentPaths;

/** Paths through a latent space and the manifold grid, on worked examples. */
class LatentPathsTest {

    @Test
    void sphericalPathsKeepTheNormBetweenOrthogonalUnitCodes() {
        INDArray path = LatentPaths.between(Nd4j.createFromArray(1.0, 0.0), Nd4j.createFromArray(0.0, 1.0), 5, true);
        for (int i = 0; i < 5; i++) {
            assertEquals(1.0, path.getRow(i).norm2Number().doubleValue(), 1e-9);
        }
        INDArray line = LatentPaths.between(Nd4j.createFromArray(1.0, 0.0), Nd4j.createFromArray(0.0, 1.0), 3, false);
        assertEquals(0.5, line.getDouble(1, 0), 1e-12);
        assertEquals(0.5, line.getDouble(1, 1), 1e-12);
    }

    @Test
    void theManifoldGridRunsRowByRowFromTheTopLeftCorner() {
        INDArray grid = LatentPaths.grid(3, 3);
        assertEquals(9, grid.rows());
        double[][] expected = {{-3, 3}, {0, 3}, {3, 3}, {-3, 0}, {0, 0}, {3, 0}, {-3, -3}, {0, -3}, {3, -3}};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], grid.getDouble(i, 0), 1e-6, "z1 of point " + i);
            assertEquals(expected[i][1], grid.getDouble(i, 1), 1e-6, "z2 of point " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> LatentPaths.grid(1, 3));
    }
}
