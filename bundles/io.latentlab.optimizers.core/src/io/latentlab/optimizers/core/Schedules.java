package io.latentlab.optimizers.core;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Metrics;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.optim.LearningRateSchedule;
import io.latentlab.core.optim.ScheduleFactory;

/**
 * The built-in learning-rate schedules. Every schedule also takes {@code warmup_steps} in an
 * experiment: a linear warm-up before it, which the engine applies.
 */
public final class Schedules {

    private Schedules() {
    }

    /** The base rate throughout: with {@code warmup_steps}, a warm-up and nothing else. */
    @Component(service = ScheduleFactory.class)
    public static final class Constant extends AbstractContribution implements ScheduleFactory {

        /** Contribution id. */
        public static final String ID = "constant";

        /** Creates the contribution. */
        public Constant() {
            super(ID, "Constant", "rate = base (give warmup_steps for a linear warm-up to it).", ParameterSchema.EMPTY);
        }

        @Override
        public LearningRateSchedule create(Parameters parameters) {
            return (base, step, total) -> base;
        }
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

    /**
     * Reduce on plateau: multiplies the rate by {@code factor} when the evaluations' metric (the
     * model's headline unless {@code metric} names another) has not improved by more than
     * {@code threshold} (relative) for {@code patience} evaluations, never below {@code minimum_rate}.
     */
    @Component(service = ScheduleFactory.class)
    public static final class ReduceOnPlateau extends AbstractContribution implements ScheduleFactory {

        /** Contribution id. */
        public static final String ID = "reduce_on_plateau";

        /** Creates the contribution. */
        public ReduceOnPlateau() {
            super(ID, "Reduce on plateau", "rate = base * factor^k, k growing when the evaluated metric stops improving.",
                    ParameterSchema.builder()
                            .text("metric", "", "the evaluation metric followed; empty: the model's headline metric")
                            .choice("mode", "auto", List.of("auto", "min", "max"), "min: lower is better; max: higher is"
                                    + " better; auto: from the metric's name (max for accuracy, IoU, PSNR, AUC...)")
                            .number("factor", 0.1, 0.0, 0.999999, "", "multiplies the rate at each reduction")
                            .integer("patience", 2L, 0L, 100_000L, "evaluations", "evaluations without improvement"
                                    + " before a reduction")
                            .number("threshold", 1e-4, 0.0, 1.0, "", "relative improvement that counts as one")
                            .number("minimum_rate", 0.0, 0.0, null, "", "the rate never falls below this")
                            .build());
        }

        @Override
        public LearningRateSchedule create(Parameters parameters) {
            return new Plateau(parameters.getString("metric"), parameters.getString("mode"),
                    parameters.getDouble("factor"), parameters.getLong("patience"), parameters.getDouble("threshold"),
                    parameters.getDouble("minimum_rate"));
        }
    }

    /** Reduce-on-plateau's state: the scale applied to the base rate, the best value seen, evaluations since. */
    static final class Plateau implements LearningRateSchedule {

        private final String metric;
        private final String mode;
        private final double factor;
        private final long patience;
        private final double threshold;
        private final double minimum;
        private double scale = 1;
        private double best = Double.NaN;
        private double badEvaluations;

        Plateau(String metric, String mode, double factor, long patience, double threshold, double minimum) {
            this.metric = metric;
            this.mode = mode;
            this.factor = factor;
            this.patience = patience;
            this.threshold = threshold;
            this.minimum = minimum;
        }

        @Override
        public double rate(double base, long step, long total) {
            return Math.max(minimum, base * scale);
        }

        @Override
        public void evaluated(Map<String, Double> metrics, String headlineMetric) {
            String name = metric.isEmpty() ? headlineMetric : metric;
            Double value = metrics.get(name);
            if (value == null || !Double.isFinite(value)) {
                return;
            }
            boolean higher = "max".equals(mode) || ("auto".equals(mode) && Metrics.higherIsBetter(name));
            boolean improved = Double.isNaN(best) || (higher ? value > best + Math.abs(best) * threshold
                    : value < best - Math.abs(best) * threshold);
            if (improved) {
                best = value;
                badEvaluations = 0;
            } else if (++badEvaluations > patience) {
                scale *= factor;
                badEvaluations = 0;
            }
        }

        @Override
        public double[] state() {
            return new double[] {scale, best, badEvaluations};
        }

        @Override
        public void restore(double[] saved) {
            LearningRateSchedule.super.restore(saved);
            scale = saved[0];
            best = saved[1];
            badEvaluations = saved[2];
        }
    }
}
