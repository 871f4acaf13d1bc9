package io.latentlab.runs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.latentlab.runs.ProgressPace;

/** Progress is told by the clock: a slow model's progress file is as fresh as a fast one's. */
class ProgressPaceTest {

    /** Steps of {@code millis} each for {@code seconds}: the steps at which progress.txt is rewritten. */
    private static List<Integer> writes(long millis, int steps) {
        long[] now = {0};
        ProgressPace pace = new ProgressPace(() -> now[0]);
        List<Integer> written = new ArrayList<>();
        for (int step = 1; step <= steps; step++) {
            now[0] += millis * 1_000_000L;
            if (pace.report(false) && pace.write(false)) {
                written.add(step);
            }
        }
        return written;
    }

    @Test
    void theProgressFileIsRewrittenAboutOnceASecondWhateverTheStepTime() {
        assertEquals(List.of(1, 2, 3, 4, 5, 6), writes(1_100, 6), "a model of 1.1 s per step: every step");
        assertEquals(List.of(1, 101, 201), writes(10, 250), "10 ms per step: every 100 steps, one second");
        // a slow model used to wait 10 steps (8 s here) for its first line after the start
        assertEquals(1, writes(800, 1).get(0));
    }

    @Test
    void theEndOfAnEpochIsAlwaysToldAndWritten() {
        long[] now = {0};
        ProgressPace pace = new ProgressPace(() -> now[0]);
        pace.report(false);
        pace.write(false);
        now[0] += 1_000_000; // a millisecond later: too soon for a plain step
        assertEquals(false, pace.report(false));
        assertEquals(true, pace.report(true));
        assertEquals(true, pace.write(true));
    }
}
