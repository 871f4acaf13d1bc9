package @@PACKAGE@@;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.Parameters;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.loss.Loss;
import io.latentlab.nd4j.Nd4jRuntime;
import io.latentlab.testkit.GradientCheck;

class @@CLASS@@Test {

    /** backward against float64 finite differences of forward. */
    @Test
    void gradientMatchesFiniteDifferences() {
        GradientCheck.loss(new @@CLASS@@(), Map.of(), Shape.of(5)).run();
        GradientCheck.loss(new @@CLASS@@(), Map.of(), Shape.of(1, 3, 3)).inputRange(-4, 4).run();
    }

    /** (log cosh 1 + log cosh 0 + log cosh 100) / 3, with 100 far beyond where cosh overflows in float. */
    @Test
    void knownValues() {
        Nd4jRuntime.initialize();
        @@CLASS@@ contribution = new @@CLASS@@();
        Loss loss = contribution.create(Parameters.of(contribution.schema(), Map.of()));
        double value = loss.forward(List.of(Nd4j.createFromArray(new float[][] {{1f, 0f, 100f}})),
                Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 3));
        assertEquals((Math.log(Math.cosh(1)) + 0 + (100 - Math.log(2))) / 3, value, 1e-4);
    }
}
