package io.latentlab.optimizers.core;

import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Metrics;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
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
            super(ID, "Step decay", "rate = base * gamma^floor((step - 1) / step_size).", Settings.class);
        }

        /** Step decay's settings. */
        record Settings(
                @Setting(doc = "steps between decays", defaultValue = "1000", min = 1, unit = "steps") long stepSize,
                @Setting(doc = "factor applied at each decay", defaultValue = "0.1", min = 0, max = 1) double gamma) {
        }

        @Override
        public LearningRateSchedule create(Parameters parameters) {
            long size = parameters.as(Settings.class).stepSize();
            double gamma = parameters.as(Settings.class).gamma();
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
            super(ID, "Exponential decay", "rate = base * gamma^(step - 1).", Settings.class);
        }

        /** Exponential decay's settings. */
        record Settings(@Setting(doc = "factor applied every step", defaultValue = "0.9999", min = 0, max = 1) double gamma) {
        }

        @Override
        public LearningRateSchedule create(Parameters parameters) {
            double gamma = parameters.as(Settings.class).gamma();
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
                    Settings.class);
        }

        /** Cosine annealing's settings. */
        record Settings(@Setting(doc = "the rate at the end", defaultValue = "0", min = 0) double minimumRate) {
        }

        @Override
        public LearningRateSchedule create(Parameters parameters) {
            double minimum = parameters.as(Settings.class).minimumRate();
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
                    Settings.class);
        }

        /** Which way is better. */
        enum Mode {
            /** From the metric's name (max for accuracy, IoU, PSNR, AUC...). */
            AUTO,
            /** Lower is better. */
            MIN,
            /** Higher is better. */
            MAX
        }

        /** Reduce on plateau's settings. */
        record Settings(
                @Setting(doc = "the evaluation metric followed; empty: the model's headline metric", defaultValue = "")
                String metric,
                @Setting(doc = "min: lower is better; max: higher is better; auto: from the metric's name (max for"
                        + " accuracy, IoU, PSNR, AUC...)", defaultValue = "auto") Mode mode,
                @Setting(doc = "multiplies the rate at each reduction", defaultValue = "0.1", min = 0, max = 0.999999)
                double factor,
                @Setting(doc = "evaluations without improvement before a reduction", defaultValue = "2", min = 0,
                        max = 100_000, unit = "evaluations") long patience,
                @Setting(doc = "relative improvement that counts as one", defaultValue = "1e-4", min = 0, max = 1)
                double threshold,
                @Setting(doc = "the rate never falls below this", defaultValue = "0", min = 0) double minimumRate) {
        }

        @Override
        public LearningRateSchedule create(Parameters parameters) {
            Settings settings = parameters.as(Settings.class);
            return new Plateau(settings.metric(), settings.mode().name().toLowerCase(java.util.Locale.ROOT),
                    settings.factor(), settings.patience(), settings.threshold(), settings.minimumRate());
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
