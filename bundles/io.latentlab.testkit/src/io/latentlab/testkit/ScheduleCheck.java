package io.latentlab.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.latentlab.core.optim.LearningRateSchedule;
import io.latentlab.core.optim.ScheduleFactory;

/**
 * The checks a schedule author runs in one line: its rate at every step of a run against the
 * author's formula, rates that are finite and not negative, and its state surviving a
 * checkpoint round trip (a fresh schedule restored from {@code state()} continues with the same
 * rates, evaluations included).
 * <pre>{@code
 * ScheduleCheck.of(new Exponential(), Map.of("gamma", 0.99))
 *         .expect((base, step, total) -> base * Math.pow(0.99, step - 1)).run();
 * }</pre>
 */
public final class ScheduleCheck {

    /** The author's formula. */
    @FunctionalInterface
    public interface Formula {
        /**
         * @param base the base rate
         * @param step the step, from 1
         * @param total the steps of the run
         * @return the rate expected
         */
        double rate(double base, long step, long total);
    }

    private final ScheduleFactory factory;
    private final Map<String, Object> parameters;
    private Formula formula;
    private double base = 0.1;
    private long total = 200;
    private List<Map<String, Double>> evaluations = List.of();
    private String headline = "test_loss";

    private ScheduleCheck(ScheduleFactory factory, Map<String, Object> parameters) {
        this.factory = factory;
        this.parameters = parameters;
    }

    /**
     * @param factory the schedule
     * @param parameters its parameters as an experiment gives them
     * @return a check to configure and {@link #run()}
     */
    public static ScheduleCheck of(ScheduleFactory factory, Map<String, Object> parameters) {
        return new ScheduleCheck(factory, parameters);
    }

    /** @param expected the rate at each step when no evaluation intervenes @return this */
    public ScheduleCheck expect(Formula expected) {
        this.formula = expected;
        return this;
    }

    /** @param rate the base rate (default 0.1) @param steps the run's steps (default 200) @return this */
    public ScheduleCheck run(double rate, long steps) {
        this.base = rate;
        this.total = steps;
        return this;
    }

    /**
     * @param metrics evaluations to tell the schedule, one every {@code total / (n + 1)} steps, for
     *        schedules that follow a metric; the round trip happens between them
     * @param headlineMetric the model's headline metric named to the schedule
     * @return this
     */
    public ScheduleCheck evaluations(List<Map<String, Double>> metrics, String headlineMetric) {
        this.evaluations = List.copyOf(metrics);
        this.headline = headlineMetric;
        return this;
    }

    /**
     * Runs every check.
     *
     * @throws AssertionError describing each failure
     */
    public void run() {
        List<String> failures = new ArrayList<>();
        LearningRateSchedule schedule = fresh();
        List<Double> rates = rates(schedule, 1, total, 0);
        for (int i = 0; i < rates.size(); i++) {
            long step = i + 1;
            double rate = rates.get(i);
            if (!Double.isFinite(rate) || rate < 0) {
                failures.add("step " + step + ": rate " + rate + " (rates must be finite and not negative)");
                break;
            }
            if (formula != null && evaluations.isEmpty()) {
                double expected = formula.rate(base, step, total);
                if (Math.abs(rate - expected) > 1e-12 * Math.max(1, Math.abs(expected))) {
                    failures.add("step " + step + ": rate " + rate + ", the formula gives " + expected);
                    break;
                }
            }
        }
        // half way, a fresh schedule takes over from the saved state and must give the same rates
        long half = total / 2;
        LearningRateSchedule first = fresh();
        rates(first, 1, half, 0);
        LearningRateSchedule second = fresh();
        second.restore(first.state().clone());
        List<Double> continued = rates(first, half + 1, total, evaluationsBefore(half));
        List<Double> resumed = rates(second, half + 1, total, evaluationsBefore(half));
        if (!continued.equals(resumed)) {
            failures.add("after a state round trip at step " + half + " the rates differ: " + continued + " vs " + resumed
                    + " (is everything it changes in state()?)");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("schedule '" + factory.id() + "': " + String.join("\n", failures));
        }
    }

    private LearningRateSchedule fresh() {
        return factory.create(factory.schema().resolve("schedule '" + factory.id() + "'", parameters));
    }

    /** @return how many evaluations {@link #rates} has told a schedule once it has given the rate of {@code step} */
    private int evaluationsBefore(long step) {
        return (int) IntStream.range(0, evaluations.size()).filter(i -> evaluationStep(i) < step).count();
    }

    private long evaluationStep(int index) {
        return (index + 1) * total / (evaluations.size() + 1);
    }

    /** The rates from {@code from} to {@code to}, telling the schedule its evaluations as their steps pass. */
    private List<Double> rates(LearningRateSchedule schedule, long from, long to, int told) {
        List<Double> rates = new ArrayList<>();
        int next = told;
        for (long step = from; step <= to; step++) {
            while (next < evaluations.size() && evaluationStep(next) < step) {
                schedule.evaluated(evaluations.get(next), headline);
                next++;
            }
            rates.add(schedule.rate(base, step, total));
        }
        return rates;
    }
}
