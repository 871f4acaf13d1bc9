package org.example.adagrad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.Parameters;
import io.latentlab.core.optim.Optimizer;
import io.latentlab.nd4j.Nd4jRuntime;
import io.latentlab.testkit.OptimizerCheck;

class AdaGradTest {

    private static final AdaGrad ADAGRAD = new AdaGrad();

    /** The test kit: our formula step by step, the state through a checkpoint round trip, convergence on a quadratic. */
    @Test
    void followsItsFormulaSurvivesCheckpointsAndConverges() {
        OptimizerCheck.of(ADAGRAD, Map.of("learning_rate", 0.5, "epsilon", 1e-8)).reference(() -> new OptimizerCheck.Reference() {
            private double[] sum;

            @Override
            public void step(double[] w, double[] g, long step, double rate) {
                sum = sum == null ? new double[w.length] : sum;
                for (int i = 0; i < w.length; i++) {
                    sum[i] += g[i] * g[i];
                    w[i] -= rate * g[i] / (Math.sqrt(sum[i]) + 1e-8);
                }
            }
        }).run();
    }

    /** Worked by hand: with g = 0.5 twice, G = 0.25 then 0.5, steps 0.1 * 0.5 / 0.5 = 0.1 and 0.1 * 0.5 / sqrt(0.5). */
    @Test
    void twoStepsByHand() {
        Nd4jRuntime.initialize();
        Optimizer optimizer = ADAGRAD.create(Parameters.of(ADAGRAD.schema(), Map.of("learning_rate", 0.1, "epsilon", 0.0)));
        optimizer.initialize(2, DataType.DOUBLE);
        INDArray w = Nd4j.createFromArray(new double[][] {{1.0, -2.0}});
        INDArray g = Nd4j.createFromArray(new double[][] {{0.5, -0.5}});
        optimizer.step(w, g, 1, 0.1);
        assertArrayEquals(new double[] {0.9, -1.9}, w.toDoubleVector(), 1e-12);
        optimizer.step(w, g, 2, 0.1);
        double second = 0.1 * 0.5 / Math.sqrt(0.5);
        assertArrayEquals(new double[] {0.9 - second, -1.9 + second}, w.toDoubleVector(), 1e-12);
    }
}
