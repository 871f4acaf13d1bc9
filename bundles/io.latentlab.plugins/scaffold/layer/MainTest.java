package @@PACKAGE@@;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.latentlab.core.layer.Shape;
import io.latentlab.testkit.GradientCheck;

class @@CLASS@@Test {

    /**
     * The gradients of the input and of g and b against float64 finite differences, the declared
     * output shape against forward, determinism in evaluation, and a checkpoint round trip.
     */
    @Test
    void gradientsMatchFiniteDifferences() {
        GradientCheck.layer(new @@CLASS@@(), Map.of("initial_scale", 0.5), Shape.of(6)).batch(4).run();
    }

    /** An image input is refused with what was expected. */
    @Test
    void refusesImages() {
        Exception e = assertThrows(RuntimeException.class,
                () -> GradientCheck.layer(new @@CLASS@@(), Map.of(), Shape.of(1, 4, 4)).run());
        assertTrue(String.valueOf(e.getMessage()).contains("vector"), e.getMessage());
    }
}
