package io.latentlab.layers.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.Shape;
import io.latentlab.layers.core.activation.ElementwiseActivation;
import io.latentlab.testkit.GradientCheck;

/** The Swish activation of docs/plugins.md, word for word, passes the test kit: the guide's code works. */
class PluginGuideExampleTest {

    /** As in docs/plugins.md (without the @Component annotation, which only registers it). */
    static final class Swish extends ElementwiseActivation {

        Swish() {
            super("swish", "Swish (SiLU)", "f(x) = x * sigmoid(x).", ParameterSchema.EMPTY);
        }

        @Override
        protected void apply(INDArray x, INDArray y, Parameters parameters) {
            y.assign(Transforms.sigmoid(x, true).muli(x));
        }

        @Override
        protected void backward(INDArray x, INDArray y, INDArray gradient, INDArray dx, Parameters parameters) {
            INDArray s = Transforms.sigmoid(x, true); // f'(x) = s + x s (1 - s)
            dx.assign(s.mul(x).muli(s.rsub(1)).addi(s).muli(gradient));
        }
    }

    @Test
    void theGuidesSwishPassesTheGradientCheckAndHasItsKnownValue() {
        io.latentlab.nd4j.Nd4jRuntime.initialize();
        GradientCheck.layer(new Swish(), Map.of(), Shape.of(7)).run();
        GradientCheck.layer(new Swish(), Map.of(), Shape.of(2, 3, 3)).training(false).run();
        INDArray y = Nd4j.zeros(1);
        new Swish().apply(Nd4j.createFromArray(1.0f), y, null);
        assertEquals(1 / (1 + Math.exp(-1)), y.getDouble(0), 1e-6); // swish(1) = sigmoid(1)
    }
}
