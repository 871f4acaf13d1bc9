package io.latentlab.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.optim.Optimizer;
import io.latentlab.core.optim.OptimizerFactory;
import io.latentlab.nd4j.Nd4jRuntime;

/**
 * The checks an optimizer author runs in one line: its steps against the author's reference
 * formula (plain Java, one value at a time), its state surviving a checkpoint round trip and
 * continuing bit for bit, and convergence on a small quadratic. In float64.
 * <pre>{@code
 * OptimizerCheck.of(new AdaGrad(), Map.of("learning_rate", 0.1, "epsilon", 1e-8))
 *         .reference(() -> new OptimizerCheck.Reference() {
 *             double[] sum;
 *             public void step(double[] w, double[] g, long step, double rate) {
 *                 if (sum == null) sum = new double[w.length];
 *                 for (int i = 0; i < w.length; i++) {
 *                     sum[i] += g[i] * g[i];
 *                     w[i] -= rate * g[i] / (Math.sqrt(sum[i]) + 1e-8);
 *                 }
 *             }
 *         }).run();
 * }</pre>
 */
public final class OptimizerCheck {

    /** The author's own statement of the update, stateful like the optimizer (one instance per check). */
    @FunctionalInterface
    public interface Reference {
        /**
         * @param weights updated in place
         * @param gradients the gradients (not to be changed)
         * @param step the step number, from 1
         * @param learningRate this step's rate
         */
        void step(double[] weights, double[] gradients, long step, double learningRate);
    }

    private final OptimizerFactory factory;
    private final Map<String, Object> parameters;
    private Supplier<Reference> reference;
    private int length = 7;
    private int referenceSteps = 6;
    private double rate = Double.NaN;
    private int convergenceSteps = 500;
    private double maxRelativeError = 1e-9;
    private long seed = 17;

    private OptimizerCheck(OptimizerFactory factory, Map<String, Object> parameters) {
        this.factory = factory;
        this.parameters = parameters;
    }

    /**
     * @param factory the optimizer
     * @param parameters its hyper-parameters as an experiment gives them
     * @return a check to configure and {@link #run()}
     */
    public static OptimizerCheck of(OptimizerFactory factory, Map<String, Object> parameters) {
        return new OptimizerCheck(factory, parameters);
    }

    /** @param formula makes a fresh reference for each comparison (default: none, only the other checks) @return this */
    public OptimizerCheck reference(Supplier<Reference> formula) {
        this.reference = formula;
        return this;
    }

    /** @param value the learning rate of every step (default: the optimizer's configured rate) @return this */
    public OptimizerCheck rate(double value) {
        this.rate = value;
        return this;
    }

    /** @param steps steps allowed to bring the quadratic's loss below 1% of its start (default 500) @return this */
    public OptimizerCheck convergenceSteps(int steps) {
        this.convergenceSteps = steps;
        return this;
    }

    /** @param relative the largest relative difference from the reference (default 1e-9) @return this */
    public OptimizerCheck tolerance(double relative) {
        this.maxRelativeError = relative;
        return this;
    }

    /**
     * Runs every check.
     *
     * @throws AssertionError describing each failure
     */
    public void run() {
        Nd4jRuntime.initialize();
        List<String> failures = new ArrayList<>();
        if (reference != null) {
            checkAgainstReference(failures);
        }
        checkStateRoundTrip(failures);
        checkConvergence(failures);
        if (!failures.isEmpty()) {
            throw new AssertionError("optimizer '" + factory.id() + "': " + String.join("\n", failures));
        }
    }

    private Optimizer fresh() {
        Optimizer optimizer = factory.create(factory.schema().resolve("optimizer '" + factory.id() + "'", parameters));
        optimizer.initialize(length, DataType.DOUBLE);
        return optimizer;
    }

    private double rate(Optimizer optimizer) {
        return Double.isNaN(rate) ? optimizer.learningRate() : rate;
    }

    private double[] values(SplittableRandom random) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextDouble(-1, 1);
        }
        return values;
    }

    private static INDArray row(double[] values) {
        return Nd4j.createFromArray(values).reshape(1, values.length);
    }

    private void checkAgainstReference(List<String> failures) {
        Optimizer optimizer = fresh();
        Reference expected = reference.get();
        SplittableRandom random = new SplittableRandom(seed);
        double[] weights = values(random);
        INDArray live = row(weights.clone());
        for (long step = 1; step <= referenceSteps; step++) {
            double[] gradients = values(random);
            optimizer.step(live, row(gradients), step, rate(optimizer));
            expected.step(weights, gradients.clone(), step, rate(optimizer));
            for (int i = 0; i < length; i++) {
                double got = live.getDouble(0, i);
                if (Math.abs(got - weights[i]) > maxRelativeError * Math.max(1e-12, Math.abs(weights[i]))) {
                    failures.add(String.format("step %d, value %d: the optimizer gives %.15g, the reference %.15g", step,
                            i, got, weights[i]));
                    return;
                }
            }
        }
    }

    /** Three steps, then the state copied into a fresh optimizer as a checkpoint restores it: both continue alike. */
    private void checkStateRoundTrip(List<String> failures) {
        Optimizer first = fresh();
        SplittableRandom random = new SplittableRandom(seed + 1);
        INDArray weights = row(values(random));
        List<INDArray> gradients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            gradients.add(row(values(random)));
        }
        for (int step = 1; step <= 3; step++) {
            first.step(weights, gradients.get(step - 1).dup(), step, rate(first));
        }
        Optimizer second = fresh();
        for (Map.Entry<String, INDArray> array : first.state().entrySet()) {
            INDArray target = second.state().get(array.getKey());
            if (target == null || target.length() != array.getValue().length()) {
                failures.add("state array '" + array.getKey() + "' is missing from, or of another size in, a fresh"
                        + " optimizer after initialize(): restoring a checkpoint needs the same arrays");
                return;
            }
            target.assign(array.getValue());
        }
        INDArray copy = weights.dup();
        for (int step = 4; step <= 6; step++) {
            first.step(weights, gradients.get(step - 1).dup(), step, rate(first));
            second.step(copy, gradients.get(step - 1).dup(), step, rate(second));
        }
        if (!weights.equals(copy)) {
            failures.add("after a state round trip the optimizer continues differently: " + weights + " vs " + copy
                    + " (is everything it keeps between steps in state()?)");
        }
    }

    /** f(w) = sum a_i (w_i - c_i)^2, curvatures a_i from 0.5 to 2. */
    private void checkConvergence(List<String> failures) {
        Optimizer optimizer = fresh();
        double[] curvature = new double[length];
        double[] centre = new double[length];
        for (int i = 0; i < length; i++) {
            curvature[i] = 0.5 + 1.5 * i / Math.max(1, length - 1);
            centre[i] = 1 + 0.25 * i;
        }
        INDArray a = row(curvature);
        INDArray c = row(centre);
        INDArray w = Nd4j.zeros(DataType.DOUBLE, 1, length);
        double start = loss(w, a, c);
        for (int step = 1; step <= convergenceSteps; step++) {
            optimizer.step(w, w.sub(c).muli(a).muli(2), step, rate(optimizer));
        }
        double end = loss(w, a, c);
        if (!(end < 0.01 * start)) {
            failures.add(String.format("on a quadratic the loss went from %.6g to %.6g in %d steps at rate %g (wanted"
                    + " below 1%% of the start; set rate() or convergenceSteps() if the defaults do not suit it)", start,
                    end, convergenceSteps, rate(optimizer)));
        }
    }

    private static double loss(INDArray w, INDArray a, INDArray c) {
        INDArray d = w.sub(c);
        return d.mul(d).muli(a).sumNumber().doubleValue();
    }
}
