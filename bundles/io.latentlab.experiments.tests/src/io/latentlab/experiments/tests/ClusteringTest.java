package io.latentlab.experiments.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

import io.latentlab.analyses.Clustering;
import io.latentlab.analyses.RunAnalyses;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;

/** Clustering scores on worked examples, k-means on separable points, and on a trained autoencoder's codes. */
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
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < 30; i++) {
            labels[i] = i % 3;
            points[i] = new double[] {10 * labels[i] + random.nextDouble(), -5 * labels[i] + random.nextDouble()};
        }
        assertEquals(1.0, Clustering.accuracy(Clustering.kMeans(points, 3, 7, 50), 3, labels, 3), 1e-12);
    }

    @Test
    void anAutoencodersCodesClusterBetterThanChance(@TempDir Path runs) throws Exception {
        String text = Fixtures.SMALL.replace("train_limit: 512", "train_limit: 2048").replace("test_limit: 256",
                "test_limit: 1000");
        CheckedExperiment checked = new ExperimentReader(Fixtures.REGISTRY).check(Path.of("codes.experiment.yaml"), text);
        ExperimentRunner runner = new ExperimentRunner(Fixtures.REGISTRY);
        ExperimentRunner.LoadedRun loaded = runner.load(runner.run(checked, runs, (line, end) -> { }), checked);
        double[][] codes = loaded.model().encode(loaded.dataset().testFeatures()).castTo(DataType.DOUBLE).toDoubleMatrix();
        int[] truth = loaded.dataset().testLabels().castTo(DataType.INT).reshape(1000).toIntVector();
        double accuracy = Clustering.accuracy(Clustering.kMeans(codes, 10, 1, 100), 10, truth, 10);
        assertEquals(16, codes[0].length, "the code is the last encoder layer");
        assertTrue(accuracy > 0.3, "accuracy " + accuracy + " (chance is about 0.11)");
        // fewer clusters than digits (latentlab cluster RUN --k 3): scored, at most the three largest classes' share
        RunAnalyses.Clusters three = RunAnalyses.clusters(loaded, 3, 1);
        assertTrue(three.accuracy() > 0.1 && three.accuracy() < 0.4, "accuracy with 3 clusters " + three.accuracy());
        assertTrue(three.nmi() > 0 && three.nmi() < 1, "NMI with 3 clusters " + three.nmi());
    }
}
