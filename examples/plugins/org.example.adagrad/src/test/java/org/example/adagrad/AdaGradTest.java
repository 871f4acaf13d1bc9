package org.example.adagrad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.Parameters;
import io.latentlab.core.optim.Optimizer;
import io.latentlab.nd4j.Nd4jRuntime;

class AdaGradTest {

    private static final AdaGrad ADAGRAD = new AdaGrad();

    @BeforeAll
    static void backend() {
        Nd4jRuntime.initialize();
    }

    private static Optimizer optimizer(double rate) {
        Optimizer optimizer = ADAGRAD.create(Parameters.of(ADAGRAD.schema(), Map.of("learning_rate", rate, "epsilon", 0.0)));
        optimizer.initialize(2, DataType.DOUBLE);
        return optimizer;
    }

    /** Worked by hand: with g = 0.5 twice, G = 0.25 then 0.5, steps 0.1 * 0.5 / 0.5 = 0.1 and 0.1 * 0.5 / sqrt(0.5). */
    @Test
    void twoStepsByHand() {
        Optimizer optimizer = optimizer(0.1);
        INDArray w = Nd4j.createFromArray(new double[][] {{1.0, -2.0}});
        INDArray g = Nd4j.createFromArray(new double[][] {{0.5, -0.5}});
        optimizer.step(w, g, 1, 0.1);
        assertArrayEquals(new double[] {0.9, -1.9}, w.toDoubleVector(), 1e-12);
        optimizer.step(w, g, 2, 0.1);
        double second = 0.1 * 0.5 / Math.sqrt(0.5);
        assertArrayEquals(new double[] {0.9 - second, -1.9 + second}, w.toDoubleVector(), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5}, optimizer.state().get("sum_squares").toDoubleVector(), 1e-12);
    }

    /** The accumulated squares are its whole state: a copy restored into a fresh optimizer continues identically. */
    @Test
    void stateRoundTripContinuesIdentically() {
        Optimizer first = optimizer(0.1);
        INDArray w = Nd4j.createFromArray(new double[][] {{0.3, 0.7}});
        INDArray g = Nd4j.createFromArray(new double[][] {{0.2, -0.1}});
        first.step(w, g, 1, 0.1);
        Optimizer second = optimizer(0.1);
        second.state().get("sum_squares").assign(first.state().get("sum_squares"));
        INDArray w2 = w.dup();
        first.step(w, g, 2, 0.1);
        second.step(w2, g, 2, 0.1);
        assertArrayEquals(w.toDoubleVector(), w2.toDoubleVector(), 0.0);
    }

    /** On f(w) = (w - 3)^2 it converges from 0. */
    @Test
    void minimisesAQuadratic() {
        Optimizer optimizer = optimizer(0.5);
        INDArray w = Nd4j.zeros(DataType.DOUBLE, 1, 2);
        for (int step = 1; step <= 500; step++) {
            INDArray gradient = w.sub(3).muli(2);
            optimizer.step(w, gradient, step, 0.5);
        }
        assertTrue(Math.abs(w.getDouble(0) - 3) < 1e-3, "w = " + w);
    }
}
