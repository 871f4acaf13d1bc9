package org.example.swish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.layer.Shape;
import io.latentlab.nd4j.Nd4jRuntime;
import io.latentlab.testkit.GradientCheck;

class SwishTest {

    @Test
    void derivativeMatchesFiniteDifferencesOnVectorsAndImages() {
        GradientCheck.layer(new Swish(), Map.of(), Shape.of(7)).run();
        GradientCheck.layer(new Swish(), Map.of(), Shape.of(2, 3, 3)).training(false).run();
    }

    @Test
    void knownValues() {
        Nd4jRuntime.initialize();
        INDArray x = Nd4j.createFromArray(0.0f, 1.0f, -2.0f);
        INDArray y = Nd4j.zeros(x.dataType(), 3);
        new Swish().apply(x, y, null);
        assertEquals(0.0, y.getDouble(0), 1e-7);
        assertEquals(1 / (1 + Math.exp(-1)), y.getDouble(1), 1e-6); // swish(1) = sigmoid(1)
        assertEquals(-2 / (1 + Math.exp(2)), y.getDouble(2), 1e-6);
    }
}
