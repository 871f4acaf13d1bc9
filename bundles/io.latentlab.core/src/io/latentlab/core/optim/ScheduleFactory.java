package io.latentlab.core.optim;

import io.latentlab.core.Contribution;
import io.latentlab.core.Parameters;

/** The contribution for a learning-rate schedule: register with {@code service = ScheduleFactory.class}. */
public interface ScheduleFactory extends Contribution {

    /**
     * @param parameters resolved against {@link #schema()}
     * @return the schedule
     */
    LearningRateSchedule create(Parameters parameters);
}
