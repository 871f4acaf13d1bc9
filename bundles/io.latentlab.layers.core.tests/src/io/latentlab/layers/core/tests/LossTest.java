package io.latentlab.layers.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.latentlab.core.Parameters;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.loss.Loss;
import io.latentlab.core.loss.LossFactory;
import io.latentlab.layers.core.loss.BinaryCrossEntropy;
import io.latentlab.layers.core.loss.CategoricalCrossEntropy;
import io.latentlab.layers.core.loss.KlStandardNormal;
import io.latentlab.layers.core.loss.MeanSquaredError;
import io.latentlab.nd4j.Nd4jRuntime;
import io.latentlab.testkit.GradientCheck;

/** Losses: gradients against finite differences, and values worked out by hand. */
class LossTest {

    private static Loss create(LossFactory factory, Map<String, Object> parameters) {
        Nd4jRuntime.initialize();
        return factory.create(Parameters.of(factory.schema(), parameters));
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        GradientCheck.loss(new MeanSquaredError(), Map.of(), Shape.of(5)).run();
        GradientCheck.loss(new MeanSquaredError(), Map.of("reduction", "sum"), Shape.of(2, 3, 3)).run();
        GradientCheck.loss(new BinaryCrossEntropy(), Map.of(), Shape.of(6)).inputRange(0.05, 0.95).run();
        GradientCheck.loss(new BinaryCrossEntropy(), Map.of("from_logits", true, "reduction", "sum"), Shape.of(6))
                .inputRange(-4, 4).run();
        GradientCheck.loss(new CategoricalCrossEntropy(), Map.of("from_logits", true), Shape.of(4)).inputRange(-3, 3).run();
        GradientCheck.loss(new CategoricalCrossEntropy(), Map.of(), Shape.of(4)).inputRange(0.1, 1).run();
        GradientCheck.loss(new KlStandardNormal(), Map.of(), Shape.of(3), Shape.of(3)).inputRange(-2, 2).run();
    }

    @Test
    void binaryCrossEntropyOfOneHalfIsLnTwoPerValue() {
        Loss loss = create(new BinaryCrossEntropy(), Map.of());
        INDArray p = Nd4j.valueArrayOf(new long[] {2, 3}, 0.5);
        INDArray t = Nd4j.createFromArray(new double[][] {{0, 1, 0.3}, {1, 1, 0}});
        assertEquals(Math.log(2), loss.forward(List.of(p), t), 1e-6);
    }

    @Test
    void bceFromLogitsEqualsBceOfTheSigmoid() {
        INDArray z = Nd4j.createFromArray(new double[][] {{-3, 0.5, 2}});
        INDArray t = Nd4j.createFromArray(new double[][] {{0, 1, 0.25}});
        double fromLogits = create(new BinaryCrossEntropy(), Map.of("from_logits", true)).forward(List.of(z), t);
        double fromProbabilities = create(new BinaryCrossEntropy(), Map.of())
                .forward(List.of(Transforms.sigmoid(z, true)), t);
        assertEquals(fromProbabilities, fromLogits, 1e-6);
    }

    @Test
    void meanSquaredErrorOfAWorkedExample() {
        Loss loss = create(new MeanSquaredError(), Map.of());
        double value = loss.forward(List.of(Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}})),
                Nd4j.createFromArray(new double[][] {{1, 0}, {0, 4}}));
        assertEquals((0 + 4 + 9 + 0) / 4.0, value, 1e-12);
    }

    @Test
    void klOfTheStandardNormalIsZeroAndOfAShiftedOneIsHalfTheSquaredShift() {
        Loss loss = create(new KlStandardNormal(), Map.of());
        assertEquals(0, loss.forward(List.of(Nd4j.zeros(2, 4), Nd4j.zeros(2, 4)), null), 1e-12);
        // KL(N(mu, 1) || N(0, 1)) = mu^2 / 2 per dimension: here 2 dimensions with mu = 1 and 3
        assertEquals((1 + 9) / 2.0, loss.forward(List.of(Nd4j.createFromArray(new double[][] {{1, 3}}), Nd4j.zeros(1, 2)),
                null), 1e-12);
    }
}
