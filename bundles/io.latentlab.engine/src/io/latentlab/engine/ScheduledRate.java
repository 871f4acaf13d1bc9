package io.latentlab.engine;

import io.latentlab.core.optim.LearningRateSchedule;

/**
 * A network's learning rate per step: linear warm-up for the first {@code warmup} steps, then
 * the schedule (or the constant base rate) over the remaining steps, as if training began there.
 */
final class ScheduledRate {

    private final LearningRateSchedule schedule;
    private final long warmup;

    /**
     * @param schedule the schedule, or {@code null} for a constant rate
     * @param warmup steps of linear warm-up; 0 for none
     */
    ScheduledRate(LearningRateSchedule schedule, long warmup) {
        this.schedule = schedule;
        this.warmup = warmup;
    }

    /**
     * @param base the optimizer's configured rate
     * @param step the step, from 1
     * @param total the steps of the run
     * @return the rate for that step
     */
    double rate(double base, long step, long total) {
        if (step <= warmup) {
            return base * step / warmup;
        }
        return schedule == null ? base : schedule.rate(base, step - warmup, Math.max(1, total - warmup));
    }

    /** @return the schedule, or {@code null} */
    LearningRateSchedule schedule() {
        return schedule;
    }
}
