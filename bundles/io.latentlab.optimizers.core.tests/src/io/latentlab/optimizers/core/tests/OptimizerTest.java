package io.latentlab.optimizers.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.InvalidParametersException;
import io.latentlab.core.Parameters;
import io.latentlab.core.optim.LearningRateSchedule;
import io.latentlab.core.optim.Optimizer;
import io.latentlab.core.optim.OptimizerFactory;
import io.latentlab.nd4j.Nd4jRuntime;
import io.latentlab.optimizers.core.Adam;
import io.latentlab.optimizers.core.AdamW;
import io.latentlab.optimizers.core.Momentum;
import io.latentlab.optimizers.core.RmsProp;
import io.latentlab.optimizers.core.Schedules;
import io.latentlab.optimizers.core.Sgd;

/** Optimizer steps against the textbook formulas, written out here in plain Java arithmetic. */
class OptimizerTest {

    /** The gradients of three steps for two weights. */
    private static final double[][] GRADIENTS = {{0.1, -0.2}, {0.05, 0.3}, {-0.4, 0.1}};
    private static final double[] START = {0.5, -1.0};

    private static double[] run(OptimizerFactory factory, Map<String, Object> parameters, int steps) {
        Nd4jRuntime.initialize();
        Optimizer optimizer = factory.create(Parameters.of(factory.schema(), parameters));
        optimizer.initialize(2, DataType.DOUBLE);
        INDArray weights = Nd4j.createFromArray(START).reshape(1, 2);
        for (int t = 1; t <= steps; t++) {
            optimizer.step(weights, Nd4j.createFromArray(GRADIENTS[t - 1]).reshape(1, 2), t, optimizer.learningRate());
        }
        return weights.toDoubleVector();
    }

    @Test
    void adamFirstStepMovesEachWeightByTheLearningRateAgainstItsGradientSign() {
        // t = 1: s^ = g, r^ = g^2, so the step is a * g / (|g| + eps), i.e. a * sign(g) up to eps.
        double[] after = run(new Adam(), Map.of("learning_rate", 0.01), 1);
        assertArrayEquals(new double[] {0.5 - 0.01 * 0.1 / (0.1 + 1e-8), -1.0 + 0.01 * 0.2 / (0.2 + 1e-8)}, after, 1e-12);
    }

    @Test
    void adamThreeStepsFollowTheTextbookUpdate() {
        double a = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        double[] w = START.clone(), s = new double[2], r = new double[2];
        for (int t = 1; t <= 3; t++) {
            for (int i = 0; i < 2; i++) {
                double g = GRADIENTS[t - 1][i];
                s[i] = b1 * s[i] + (1 - b1) * g;
                r[i] = b2 * r[i] + (1 - b2) * g * g;
                double sHat = s[i] / (1 - Math.pow(b1, t));
                double rHat = r[i] / (1 - Math.pow(b2, t));
                w[i] -= a * sHat / (Math.sqrt(rHat) + eps);
            }
        }
        assertArrayEquals(w, run(new Adam(), Map.of("learning_rate", a), 3), 1e-12);
        // Second step written out for weight 0: s = 0.9*0.01 + 0.1*0.05 = 0.014; r = 0.999*1e-5 + 0.001*0.0025 = 1.249e-5;
        // s^ = 0.014/0.19 = 0.0736842; r^ = 1.249e-5/0.001999 = 0.0062481; step = 0.01*0.0736842/0.0790449 = 0.0093218
        assertEquals(0.5 - 0.01 * 0.1 / (0.1 + 1e-8) - 0.0093218, run(new Adam(), Map.of("learning_rate", a), 2)[0], 1e-6);
    }

    @Test
    void adamWDecaysWeightsBeforeTheAdamStep() {
        double a = 0.01, decay = 0.1;
        double[] plain = run(new Adam(), Map.of("learning_rate", a), 1);
        double[] decayed = run(new AdamW(), Map.of("learning_rate", a, "weight_decay", decay), 1);
        for (int i = 0; i < 2; i++) {
            assertEquals(plain[i] - a * decay * START[i], decayed[i], 1e-12);
        }
    }

    @Test
    void sgdMomentumNesterovAndRmsPropFollowTheirFormulas() {
        double lr = 0.1, mu = 0.9, rho = 0.9, eps = 1e-7;
        double[] sgd = START.clone(), momentum = START.clone(), nesterov = START.clone(), rms = START.clone();
        double[] v = new double[2], vn = new double[2], ms = new double[2];
        for (int t = 1; t <= 3; t++) {
            for (int i = 0; i < 2; i++) {
                double g = GRADIENTS[t - 1][i];
                sgd[i] -= lr * g;
                v[i] = mu * v[i] - lr * g;
                momentum[i] += v[i];
                vn[i] = mu * vn[i] - lr * g;
                nesterov[i] += mu * vn[i] - lr * g;
                ms[i] = rho * ms[i] + (1 - rho) * g * g;
                rms[i] -= lr * g / (Math.sqrt(ms[i]) + eps);
            }
        }
        assertArrayEquals(sgd, run(new Sgd(), Map.of("learning_rate", lr), 3), 1e-12);
        assertArrayEquals(momentum, run(new Momentum(), Map.of("learning_rate", lr), 3), 1e-12);
        assertArrayEquals(nesterov, run(new Momentum(), Map.of("learning_rate", lr, "nesterov", true), 3), 1e-12);
        assertArrayEquals(rms, run(new RmsProp(), Map.of("learning_rate", lr), 3), 1e-12);
    }

    @Test
    void configurationRoundTripsThroughItsResolvedValues() {
        for (OptimizerFactory factory : new OptimizerFactory[] {new Sgd(), new Momentum(), new RmsProp(), new Adam(), new AdamW()}) {
            Parameters resolved = Parameters.of(factory.schema(), Map.of("learning_rate", 0.003));
            Parameters again = Parameters.of(factory.schema(), resolved.asMap());
            assertEquals(resolved.asMap(), again.asMap(), factory.id());
            assertEquals(0.003, resolved.getDouble("learning_rate"), factory.id());
        }
    }

    @Test
    void badHyperParametersAreAllReportedWithTheirNames() {
        InvalidParametersException e = assertThrows(InvalidParametersException.class,
                () -> Parameters.of(new Adam().schema(), Map.of("learning_rate", -1, "betta_1", 0.5, "epsilon", "tiny")));
        assertEquals(3, e.problems().size(), e.getMessage());
        Assertions.assertTrue(e.getMessage().contains("did you mean 'beta_1'"), e.getMessage());
    }

    @Test
    void schedulesGiveTheirWorkedValues() {
        LearningRateSchedule step = new Schedules.Step().create(Parameters.of(new Schedules.Step().schema(),
                Map.of("step_size", 10, "gamma", 0.5)));
        assertEquals(1.0, step.rate(1, 10, 100), 1e-12);
        assertEquals(0.5, step.rate(1, 11, 100), 1e-12);
        LearningRateSchedule cosine = new Schedules.Cosine().create(Parameters.of(new Schedules.Cosine().schema(), Map.of()));
        assertEquals(1.0, cosine.rate(1, 1, 100), 1e-12);
        assertEquals(0.5, cosine.rate(1, 51, 100), 1e-12);
        LearningRateSchedule exponential = new Schedules.Exponential().create(
                Parameters.of(new Schedules.Exponential().schema(), Map.of("gamma", 0.5)));
        assertEquals(0.25, exponential.rate(1, 3, 100), 1e-12);
    }
}
