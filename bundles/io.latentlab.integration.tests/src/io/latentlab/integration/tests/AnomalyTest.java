package io.latentlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.analyses.RocAuc;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;

/** Anomaly detection: ROC AUC by hand, and an autoencoder trained on zeros tells other digits apart. */
class AnomalyTest {

    @Test
    void anAutoencoderTrainedOnZerosScoresOtherDigitsAsAnomalous(@TempDir Path runs) throws Exception {
        String text = Fixtures.SMALL.replace("train_limit: 512", "train_digits: [0]").replace("test_limit: 256",
                "test_limit: 1000").replace("epochs: 3", "epochs: 10");
        CheckedExperiment checked = new ExperimentReader(Fixtures.REGISTRY).check(Path.of("zeros.experiment.yaml"), text);
        ExperimentRunner runner = new ExperimentRunner(Fixtures.REGISTRY);
        Path run = runner.run(checked, runs, (line, end) -> { });
        ExperimentRunner.LoadedRun loaded = runner.load(run, checked);
        double[] scores = loaded.model().anomalyScores(loaded.dataset().testFeatures()).toDoubleVector();
        boolean[] anomalous = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            anomalous[i] = loaded.dataset().testLabels().getDouble(i, 0) != 0;
        }
        double auc = RocAuc.of(scores, anomalous);
        assertTrue(auc > 0.9, "ROC AUC " + auc);
    }
}
