package io.latentlab.integration.tests;

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
