package io.latentlab.core.optim;

import io.latentlab.core.Parameters;

/**
 * A learning-rate schedule as an experiment chooses it, with the linear warm-up every schedule
 * accepts: for the first {@code warmupSteps} steps the rate rises linearly to the base rate,
 * then the schedule runs over the remaining steps as if training started there.
 *
 * @param id the schedule id
 * @param parameters its resolved parameters (without {@code warmup_steps})
 * @param warmupSteps steps of linear warm-up; 0 for none
 */
public record ScheduleChoice(String id, Parameters parameters, long warmupSteps) {

    /** The parameter every schedule accepts besides its own. */
    public static final String WARMUP_STEPS = "warmup_steps";

    /** Checks the warm-up. */
    public ScheduleChoice {
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmup_steps must not be negative, not " + warmupSteps);
        }
    }
}
