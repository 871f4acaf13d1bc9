package io.latentlab.studies.tests;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.latentlab.studies.MedianStopping;

/** The median rule on worked examples: losses and accuracies, the epochs and trials it waits for. */
class MedianStoppingTest {

    @Test
    void aTrialWorseThanTheMedianOfTheOthersAtTheSameEpochStops() {
        MedianStopping rule = new MedianStopping(null, null, 1, 2);
        assertNull(rule.judge("a", 1, Map.of("test_bce", 0.20), "test_bce"), "no other trial yet");
        assertNull(rule.judge("b", 1, Map.of("test_bce", 0.30), "test_bce"), "one other trial: fewer than min_trials");
        String reason = rule.judge("c", 1, Map.of("test_bce", 0.40), "test_bce"); // median of a, b is 0.25
        assertTrue(reason != null && reason.startsWith("median rule: test_bce 0.4") && reason.contains("median 0.25"),
                String.valueOf(reason));
        assertNull(rule.judge("d", 1, Map.of("test_bce", 0.22), "test_bce"), "better than the median 0.3");
    }

    @Test
    void forAnAccuracyHigherIsBetterAndNothingStopsBeforeAfterEpochs() {
        MedianStopping rule = new MedianStopping("test_accuracy", null, 2, 1);
        rule.judge("a", 1, Map.of("test_accuracy", 0.9), "test_loss");
        assertNull(rule.judge("b", 1, Map.of("test_accuracy", 0.5), "test_loss"), "epoch 1 is before after_epochs");
        rule.judge("a", 2, Map.of("test_accuracy", 0.9), "test_loss");
        assertTrue(rule.judge("b", 2, Map.of("test_accuracy", 0.5), "test_loss") != null, "0.5 is worse than 0.9");
        assertNull(rule.judge("c", 2, Map.of("test_accuracy", 0.95), "test_loss"));
    }
}
