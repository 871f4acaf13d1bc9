package @@PACKAGE@@;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.latentlab.testkit.OptimizerCheck;

class @@CLASS@@Test {

    /**
     * Step by step against the formula in plain Java, a checkpoint round trip of its state (a
     * resumed optimizer continues bit for bit), and convergence on a small quadratic.
     */
    @Test
    void followsItsFormula() {
        OptimizerCheck.of(new @@CLASS@@(), Map.of("learning_rate", 0.5)).reference(() -> new OptimizerCheck.Reference() {
            private double[] sum;

            @Override
            public void step(double[] w, double[] g, long step, double rate) {
                if (sum == null) {
                    sum = new double[w.length];
                }
                for (int i = 0; i < w.length; i++) {
                    sum[i] += g[i] * g[i];
                    w[i] -= rate * g[i] / (Math.sqrt(sum[i]) + 1e-8);
                }
            }
        }).run();
    }
}
