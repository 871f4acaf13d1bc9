package io.latentlab.optimizers.core;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.optim.LearningRateSchedule;
import io.latentlab.core.optim.ScheduleFactory;

/** The built-in learning-rate schedules. */
public final class Schedules {

    private Schedules() {
    }

    /** Multiplies the rate by {@code gamma} every {@code step_size} steps. */
    @Component(service = ScheduleFactory.class)
    public static final class Step extends AbstractContribution implements ScheduleFactory {

        /** Contribution id. */
        public static final String ID = "step";

        /** Creates the contribution. */
        public Step() {
            super(ID, "Step decay", "rate = base * gamma^floor((step - 1) / step_size).", ParameterSchema.builder()
                    .integer("step_size", 1000L, 1L, null, "steps", "steps between decays")
                    .number("gamma", 0.1, 0.0, 1.0, "", "factor applied at each decay").build());
        }

        @Override
        public LearningRateSchedule create(Parameters parameters) {
            long size = parameters.getLong("step_size");
            double gamma = parameters.getDouble("gamma");
            return (base, step, total) -> base * Math.pow(gamma, (step - 1) / size);
        }
    }

    /** Multiplies the rate by {@code gamma} every step. */
    @Component(service = ScheduleFactory.class)
    public static final class Exponential extends AbstractContribution implements ScheduleFactory {

        /** Contribution id. */
        public static final String ID = "exponential";

        /** Creates the contribution. */
        public Exponential() {
            super(ID, "Exponential decay", "rate = base * gamma^(step - 1).", ParameterSchema.builder()
                    .number("gamma", 0.9999, 0.0, 1.0, "", "factor applied every step").build());
        }

        @Override
        public LearningRateSchedule create(Parameters parameters) {
            double gamma = parameters.getDouble("gamma");
            return (base, step, total) -> base * Math.pow(gamma, step - 1);
        }
    }

    /** Cosine annealing from the base rate to {@code minimum_rate} over the run. */
    @Component(service = ScheduleFactory.class)
    public static final class Cosine extends AbstractContribution implements ScheduleFactory {

        /** Contribution id. */
        public static final String ID = "cosine";

        /** Creates the contribution. */
        public Cosine() {
            super(ID, "Cosine annealing", "rate = min + (base - min) (1 + cos(pi (step - 1) / total)) / 2.",
                    ParameterSchema.builder().number("minimum_rate", 0.0, 0.0, null, "", "the rate at the end").build());
        }

        @Override
        public LearningRateSchedule create(Parameters parameters) {
            double minimum = parameters.getDouble("minimum_rate");
            return (base, step, total) -> minimum
                    + (base - minimum) * (1 + Math.cos(Math.PI * (step - 1) / Math.max(1, total))) / 2;
        }
    }
}
