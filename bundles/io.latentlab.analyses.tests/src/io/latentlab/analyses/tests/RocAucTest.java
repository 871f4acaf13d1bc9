package io.latentlab.analyses.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.latentlab.analyses.RocAuc;

/** ROC AUC by hand. */
class RocAucTest {

    @Test
    void rocAucOfWorkedExamples() {
        assertEquals(1.0, RocAuc.of(new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {false, false, true, true}), 1e-12);
        assertEquals(0.0, RocAuc.of(new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {true, true, false, false}), 1e-12);
        // positives 0.35, 0.8 against negatives 0.1, 0.4: pairs won 1 + 0 + 1 + 1 = 3 of 4
        assertEquals(0.75, RocAuc.of(new double[] {0.1, 0.35, 0.4, 0.8}, new boolean[] {false, true, false, true}), 1e-12);
        assertEquals(0.5, RocAuc.of(new double[] {0.5, 0.5}, new boolean[] {true, false}), 1e-12, "a tie counts one half");
    }
}
