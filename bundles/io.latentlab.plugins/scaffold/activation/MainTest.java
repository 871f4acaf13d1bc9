package @@PACKAGE@@;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.Parameters;
import io.latentlab.core.layer.Shape;
import io.latentlab.nd4j.Nd4jRuntime;
import io.latentlab.testkit.GradientCheck;

class @@CLASS@@Test {

    /** backward against float64 finite differences of apply, on vectors and on images, two values of beta. */
    @Test
    void derivativeMatchesFiniteDifferences() {
        GradientCheck.layer(new @@CLASS@@(), Map.of(), Shape.of(7)).run();
        GradientCheck.layer(new @@CLASS@@(), Map.of("beta", 2.5), Shape.of(2, 3, 3)).training(false).run();
    }

    /** Values worked out by hand: f(0) = 0, f(1) = sigmoid(1), f(-2) = -2 sigmoid(-2). */
    @Test
    void knownValues() {
        Nd4jRuntime.initialize();
        @@CLASS@@ activation = new @@CLASS@@();
        INDArray x = Nd4j.createFromArray(0.0, 1.0, -2.0);
        INDArray y = Nd4j.zeros(x.dataType(), 3);
        activation.apply(x, y, Parameters.of(activation.schema(), Map.of()));
        assertEquals(0.0, y.getDouble(0), 1e-12);
        assertEquals(1 / (1 + Math.exp(-1)), y.getDouble(1), 1e-12);
        assertEquals(-2 / (1 + Math.exp(2)), y.getDouble(2), 1e-12);
    }
}
