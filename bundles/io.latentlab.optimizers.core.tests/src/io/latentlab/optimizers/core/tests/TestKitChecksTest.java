package io.latentlab.optimizers.core.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.latentlab.optimizers.core.Adam;
import io.latentlab.optimizers.core.AdamW;
import io.latentlab.optimizers.core.Momentum;
import io.latentlab.optimizers.core.RmsProp;
import io.latentlab.optimizers.core.Schedules;
import io.latentlab.optimizers.core.Sgd;
import io.latentlab.testkit.OptimizerCheck;
import io.latentlab.testkit.ScheduleCheck;

/**
 * Every built-in optimizer and schedule through the test kit a plugin author uses: its formula,
 * checkpoint round trips, convergence.
 */
class TestKitChecksTest {

    @Test
    void sgdMomentumAndNesterov() {
        OptimizerCheck.of(new Sgd(), Map.of("learning_rate", 0.1)).reference(() -> (w, g, t, rate) -> {
            for (int i = 0; i < w.length; i++) {
                w[i] -= rate * g[i];
            }
        }).run();
        for (boolean nesterov : new boolean[] {false, true}) {
            OptimizerCheck.of(new Momentum(), Map.of("learning_rate", 0.05, "nesterov", nesterov)).reference(
                    () -> new OptimizerCheck.Reference() {
                        private double[] v;

                        @Override
                        public void step(double[] w, double[] g, long t, double rate) {
                            v = v == null ? new double[w.length] : v;
                            for (int i = 0; i < w.length; i++) {
                                v[i] = 0.9 * v[i] - rate * g[i];
                                w[i] += nesterov ? 0.9 * v[i] - rate * g[i] : v[i];
                            }
                        }
                    }).run();
        }
    }

    @Test
    void rmsPropAdamAndAdamW() {
        OptimizerCheck.of(new RmsProp(), Map.of("learning_rate", 0.01)).reference(() -> new OptimizerCheck.Reference() {
            private double[] r;

            @Override
            public void step(double[] w, double[] g, long t, double rate) {
                r = r == null ? new double[w.length] : r;
                for (int i = 0; i < w.length; i++) {
                    r[i] = 0.9 * r[i] + 0.1 * g[i] * g[i];
                    w[i] -= rate * g[i] / (Math.sqrt(r[i]) + 1e-7);
                }
            }
        }).run();
        for (double decay : new double[] {0.0, 0.05}) {
            OptimizerCheck.of(decay == 0 ? new Adam() : new AdamW(), Map.of("learning_rate", 0.05, "weight_decay", decay))
                    .reference(() -> new OptimizerCheck.Reference() {
                        private double[] s;
                        private double[] r;

                        @Override
                        public void step(double[] w, double[] g, long t, double rate) {
                            s = s == null ? new double[w.length] : s;
                            r = r == null ? new double[w.length] : r;
                            for (int i = 0; i < w.length; i++) {
                                w[i] -= rate * decay * w[i];
                                s[i] = 0.9 * s[i] + 0.1 * g[i];
                                r[i] = 0.999 * r[i] + 0.001 * g[i] * g[i];
                                double sHat = s[i] / (1 - Math.pow(0.9, t));
                                double rHat = r[i] / (1 - Math.pow(0.999, t));
                                w[i] -= rate * sHat / (Math.sqrt(rHat) + 1e-8);
                            }
                        }
                    }).tolerance(1e-7).run(); // libnd4j's fused update folds epsilon differently, within rounding
        }
    }

    @Test
    void theSchedulesFollowTheirFormulasAndSurviveACheckpoint() {
        ScheduleCheck.of(new Schedules.Constant(), Map.of()).expect((base, step, total) -> base).run();
        ScheduleCheck.of(new Schedules.Step(), Map.of("step_size", 30, "gamma", 0.5))
                .expect((base, step, total) -> base * Math.pow(0.5, (step - 1) / 30)).run();
        ScheduleCheck.of(new Schedules.Exponential(), Map.of("gamma", 0.99))
                .expect((base, step, total) -> base * Math.pow(0.99, step - 1)).run();
        ScheduleCheck.of(new Schedules.Cosine(), Map.of("minimum_rate", 0.001))
                .expect((base, step, total) -> 0.001 + (base - 0.001) * (1 + Math.cos(Math.PI * (step - 1) / total)) / 2)
                .run();
        ScheduleCheck.of(new Schedules.ReduceOnPlateau(), Map.of("patience", 1, "factor", 0.5))
                .evaluations(List.of(Map.of("test_loss", 1.0), Map.of("test_loss", 0.8), Map.of("test_loss", 0.9),
                        Map.of("test_loss", 0.95), Map.of("test_loss", 0.97), Map.of("test_loss", 0.99)), "test_loss")
                .run();
    }

}
