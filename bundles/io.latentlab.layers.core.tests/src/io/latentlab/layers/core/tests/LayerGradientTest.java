package io.latentlab.layers.core.tests;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.LayerFactory;
import io.latentlab.core.layer.Shape;
import io.latentlab.layers.core.Add;
import io.latentlab.layers.core.AveragePooling2D;
import io.latentlab.layers.core.BatchNorm;
import io.latentlab.layers.core.Concat;
import io.latentlab.layers.core.Conv2D;
import io.latentlab.layers.core.Conv2DTranspose;
import io.latentlab.layers.core.Dense;
import io.latentlab.layers.core.Dropout;
import io.latentlab.layers.core.Flatten;
import io.latentlab.layers.core.MaxPooling2D;
import io.latentlab.layers.core.Reshape;
import io.latentlab.layers.core.Upsampling2D;
import io.latentlab.layers.core.activation.ElementwiseActivation;
import io.latentlab.layers.core.activation.Identity;
import io.latentlab.layers.core.activation.LeakyRelu;
import io.latentlab.layers.core.activation.ParametricRelu;
import io.latentlab.layers.core.activation.RandomizedRelu;
import io.latentlab.layers.core.activation.Relu;
import io.latentlab.layers.core.activation.Sigmoid;
import io.latentlab.layers.core.activation.Softmax;
import io.latentlab.layers.core.activation.Tanh;
import io.latentlab.testkit.GradientCheck;

/** Every built-in layer and activation passes the test kit's gradient and contract checks, over several shapes. */
class LayerGradientTest {

    static Stream<Arguments> layers() {
        Shape image = Shape.of(2, 6, 5);
        return Stream.of(
                Arguments.of(new Dense(), Map.of("units", 4), new Shape[] {Shape.of(5)}),
                Arguments.of(new Dense(), Map.of("units", 3, "use_bias", false), new Shape[] {Shape.of(7)}),
                Arguments.of(new Conv2D(), Map.of("filters", 3), new Shape[] {image}),
                Arguments.of(new Conv2D(), Map.of("filters", 2, "kernel", 3, "stride", 2, "padding", "valid"), new Shape[] {image}),
                Arguments.of(new Conv2D(), Map.of("filters", 2, "kernel", List.of(2, 3), "dilation", 2, "padding", "valid"),
                        new Shape[] {Shape.of(1, 7, 7)}),
                Arguments.of(new Conv2D(), Map.of("filters", 2, "stride", 2), new Shape[] {image}),
                Arguments.of(new Conv2DTranspose(), Map.of("filters", 2, "kernel", 3, "stride", 2), new Shape[] {Shape.of(3, 3, 4)}),
                Arguments.of(new Conv2DTranspose(), Map.of("filters", 3, "kernel", 2, "stride", 2, "padding", "valid"),
                        new Shape[] {Shape.of(2, 3, 3)}),
                Arguments.of(new Conv2DTranspose(), Map.of("filters", 1, "kernel", 4, "stride", 2), new Shape[] {Shape.of(2, 3, 3)}),
                Arguments.of(new MaxPooling2D(), Map.of(), new Shape[] {Shape.of(2, 6, 4)}),
                Arguments.of(new MaxPooling2D(), Map.of("kernel", 3, "stride", 1), new Shape[] {Shape.of(1, 5, 5)}),
                Arguments.of(new AveragePooling2D(), Map.of(), new Shape[] {Shape.of(2, 6, 4)}),
                Arguments.of(new Upsampling2D(), Map.of(), new Shape[] {Shape.of(2, 3, 2)}),
                Arguments.of(new Upsampling2D(), Map.of("factor", List.of(2, 3), "interpolation", "bilinear"),
                        new Shape[] {Shape.of(2, 3, 4)}),
                Arguments.of(new Flatten(), Map.of(), new Shape[] {image}),
                Arguments.of(new Reshape(), Map.of("shape", List.of(6, 10)), new Shape[] {image}),
                Arguments.of(new Dropout(), Map.of("rate", 0.3), new Shape[] {Shape.of(20)}),
                Arguments.of(new BatchNorm(), Map.of(), new Shape[] {Shape.of(4)}),
                Arguments.of(new BatchNorm(), Map.of(), new Shape[] {Shape.of(3, 4, 2)}),
                Arguments.of(new Concat(), Map.of(), new Shape[] {Shape.of(2, 3, 3), Shape.of(1, 3, 3)}),
                Arguments.of(new Concat(), Map.of(), new Shape[] {Shape.of(4), Shape.of(2)}),
                Arguments.of(new Add(), Map.of(), new Shape[] {Shape.of(2, 3, 3), Shape.of(2, 3, 3)}),
                Arguments.of(new Identity(), Map.of(), new Shape[] {Shape.of(6)}),
                Arguments.of(new Sigmoid(), Map.of(), new Shape[] {Shape.of(6)}),
                Arguments.of(new Tanh(), Map.of(), new Shape[] {Shape.of(2, 3, 3)}),
                Arguments.of(new Relu(), Map.of(), new Shape[] {Shape.of(6)}),
                Arguments.of(new LeakyRelu(), Map.of("alpha", 0.2), new Shape[] {Shape.of(6)}),
                Arguments.of(new ParametricRelu(), Map.of(), new Shape[] {Shape.of(2, 3, 3)}),
                Arguments.of(new RandomizedRelu(), Map.of(), new Shape[] {Shape.of(8)}),
                Arguments.of(new Softmax(), Map.of(), new Shape[] {Shape.of(5)}));
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @MethodSource("layers")
    void backwardMatchesFiniteDifferencesInTraining(LayerFactory layer, Map<String, Object> parameters, Shape[] shapes) {
        GradientCheck.layer(layer, parameters, shapes).run();
    }

    @ParameterizedTest(name = "{0} {1} on {2}, evaluation mode")
    @MethodSource("layers")
    void backwardMatchesFiniteDifferencesInEvaluation(LayerFactory layer, Map<String, Object> parameters, Shape[] shapes) {
        GradientCheck.layer(layer, parameters, shapes).training(false).seed(7).batch(2).run();
    }

    @Test
    void denseWithAnActivationParameterIsCheckedAsOneNode() {
        GradientCheck.layer(new Dense(), Map.of("units", 3, "activation", "prelu"), Shape.of(4)).with(new ParametricRelu()).run();
    }

    @Test
    void aWrongBackwardIsCaught() {
        // The kit must fail for a layer whose backward is wrong: Sigmoid's derivative given for Tanh.
        LayerFactory broken = new ElementwiseActivation("broken", "Broken", "",
                ParameterSchema.EMPTY) {
            @Override
            protected void apply(INDArray x, INDArray y,
                    Parameters p) {
                y.assign(Transforms.tanh(x, true));
            }

            @Override
            protected void backward(INDArray x, INDArray y,
                    INDArray g, INDArray dx,
                    Parameters p) {
                dx.assign(g).muli(y).muli(y.rsub(1)); // sigmoid's derivative: wrong for tanh
            }
        };
        Assertions.assertThrows(AssertionError.class,
                () -> GradientCheck.layer(broken, Map.of(), Shape.of(5)).run());
    }
}
