package io.latentlab.core.optim;

import io.latentlab.core.Parameters;

/**
 * An optimizer as an experiment chooses it: {@code optimizer: {id: adam, learning_rate: 0.001,
 * schedule: {id: cosine, warmup_steps: 500}}}.
 *
 * @param id the optimizer id
 * @param parameters its resolved hyper-parameters
 * @param schedule its learning-rate schedule, or {@code null} for a constant rate
 */
public record OptimizerChoice(String id, Parameters parameters, ScheduleChoice schedule) {

    /** The key of the experiment's {@code optimizer:}, used by every network without its own. */
    public static final String DEFAULT_KEY = "default";

    /**
     * An optimizer at a constant learning rate.
     *
     * @param id the optimizer id
     * @param parameters its resolved hyper-parameters
     */
    public OptimizerChoice(String id, Parameters parameters) {
        this(id, parameters, null);
    }
}
