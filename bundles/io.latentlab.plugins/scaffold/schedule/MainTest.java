package @@PACKAGE@@;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.latentlab.core.Parameters;
import io.latentlab.core.optim.LearningRateSchedule;
import io.latentlab.testkit.ScheduleCheck;

class @@CLASS@@Test {

    /** Every step of a run against the formula, and a round trip of its state. */
    @Test
    void followsItsFormula() {
        ScheduleCheck.of(new @@CLASS@@(), Map.of("decay_steps", 10))
                .expect((base, step, total) -> base / Math.sqrt(1 + (step - 1) / 10.0)).run();
    }

    /** Worked example: the base rate at step 1, half of it after 3 decay periods (sqrt 4 = 2). */
    @Test
    void knownValues() {
        @@CLASS@@ contribution = new @@CLASS@@();
        LearningRateSchedule schedule = contribution.create(Parameters.of(contribution.schema(), Map.of("decay_steps", 50)));
        assertEquals(0.01, schedule.rate(0.01, 1, 1000), 1e-15);
        assertEquals(0.005, schedule.rate(0.01, 151, 1000), 1e-15);
    }
}
