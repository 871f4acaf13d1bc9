package io.latentlab.analyses.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.latentlab.analyses.Clustering;

/** Clustering scores on worked examples, and k-means on separable points. */
class ClusteringTest {

    @Test
    void aPermutedPerfectClusteringScoresOneAndAWorkedExampleItsKnownValues() {
        int[] labels = {0, 0, 1, 1, 2, 2};
        int[] clusters = {2, 2, 0, 0, 1, 1};
        assertEquals(1.0, Clustering.accuracy(clusters, 3, labels, 3), 1e-12);
        assertEquals(1.0, Clustering.nmi(clusters, 3, labels, 3), 1e-12);
        // one point of label 1 put with label 0's cluster: 5 of 6 matched
        assertEquals(5.0 / 6, Clustering.accuracy(new int[] {0, 0, 0, 1, 2, 2}, 3, labels, 3), 1e-12);
        // all points in one cluster: no information
        assertEquals(0.0, Clustering.nmi(new int[] {0, 0, 0, 0, 0, 0}, 1, labels, 3), 1e-12);
    }

    @Test
    void fewerOrMoreClustersThanClassesAreMatchedOneToOneAndTheRestCountsAsWrong() {
        int[] labels = {0, 0, 1, 1, 2, 2};
        // two clusters for three classes: at best two classes are matched, 4 of 6
        assertEquals(4.0 / 6, Clustering.accuracy(new int[] {0, 0, 1, 1, 1, 1}, 2, labels, 3), 1e-12);
        // four clusters for three classes: one cluster maps to no class
        assertEquals(5.0 / 6, Clustering.accuracy(new int[] {0, 0, 1, 1, 2, 3}, 4, labels, 3), 1e-12);
        assertTrue(Clustering.nmi(new int[] {0, 0, 1, 1, 1, 1}, 2, labels, 3) > 0);
    }

    @Test
    void kMeansSeparatesThreeBlobs() {
        double[][] points = new double[30][];
        int[] labels = new int[30];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 30; i++) {
            labels[i] = i % 3;
            points[i] = new double[] {10 * labels[i] + random.nextDouble(), -5 * labels[i] + random.nextDouble()};
        }
        assertEquals(1.0, Clustering.accuracy(Clustering.kMeans(points, 3, 7, 50), 3, labels, 3), 1e-12);
    }
}
