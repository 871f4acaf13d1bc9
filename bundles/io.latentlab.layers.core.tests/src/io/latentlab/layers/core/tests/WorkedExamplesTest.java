package io.latentlab.layers.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.layer.Shape;
import io.latentlab.engine.Network;
import io.latentlab.engine.NetworkSpec;
import io.latentlab.layers.core.BatchNorm;
import io.latentlab.layers.core.Conv2D;
import io.latentlab.layers.core.Conv2DTranspose;
import io.latentlab.layers.core.MaxPooling2D;

/**
 * Layers against answers worked out by hand.
 * <p>
 * Kernel convention: convolutions are cross-correlations, out[i][j] = sum_ab x[i+a][j+b] K[a][b]
 * (the kernel is not flipped), and a transposed convolution adds x[i][j] K[a][b] into
 * out[i*s+a][j*s+b]. Both match PyTorch's Conv2d/ConvTranspose2d and Keras.
 */
class WorkedExamplesTest {

    private static final ContributionRegistry LAYERS = ContributionRegistry.of(new Conv2D(), new Conv2DTranspose(),
            new MaxPooling2D(), new BatchNorm());

    private static Network single(Shape input, String type, Object... parameters) {
        return Network.build(NetworkSpec.sequential(input, List.of(NetworkSpec.layer("layer", type, parameters))), LAYERS,
                DataType.FLOAT, 1);
    }

    private static INDArray image(float[][] rows) {
        return Nd4j.createFromArray(rows).reshape(1, 1, rows.length, rows[0].length);
    }

    @Test
    void validConvolutionOfFourByFourWithBiasThree() {
        Network network = single(Shape.of(1, 4, 4), "conv2d", "filters", 1, "kernel", 3, "padding", "valid");
        network.store().values("layer").get("W")
                .assign(Nd4j.createFromArray(new float[][] {{1, 1, 1}, {2, 0, 1}, {-1, -1, 0}}).reshape(3, 3, 1, 1));
        network.store().values("layer").get("b").assign(3);
        INDArray output = network.forward(image(new float[][] {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}}),
                false);
        assertArrayEquals(new long[] {1, 1, 2, 2}, output.shape());
        assertArrayEquals(new float[] {7, 11, 23, 27}, output.data().asFloat(), 1e-5f);
    }

    @Test
    void twoByTwoMaxPooling() {
        Network network = single(Shape.of(1, 4, 4), "max_pooling2d");
        INDArray output = network.forward(image(new float[][] {{0, -9, -3, 1}, {3, 0, -4, 5}, {-1, 2, 2, 9}, {0, 8, 2, 4}}),
                false);
        assertArrayEquals(new float[] {3, 5, 8, 9}, output.data().asFloat(), 0f);
    }

    @Test
    void strideTwoTransposedConvolutionScalesOneKernelCopyPerInput() {
        Network network = single(Shape.of(1, 2, 2), "conv2d_transpose", "filters", 1, "kernel", 2, "stride", 2, "padding",
                "valid", "use_bias", false);
        float[][] kernel = {{1, 10}, {100, 1000}};
        network.store().values("layer").get("W").assign(Nd4j.createFromArray(kernel).reshape(2, 2, 1, 1));
        INDArray output = network.forward(image(new float[][] {{1, 2}, {3, 4}}), false);
        assertArrayEquals(new long[] {1, 1, 4, 4}, output.shape());
        float[] x = {1, 2, 3, 4};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int a = 0; a < 2; a++) {
                    for (int b = 0; b < 2; b++) {
                        assertEquals(x[i * 2 + j] * kernel[a][b], output.getFloat(0, 0, 2 * i + a, 2 * j + b), 1e-3f,
                                "output[" + (2 * i + a) + "][" + (2 * j + b) + "]");
                    }
                }
            }
        }
    }

    /**
     * Two images of two channels, two pixels each. Channel 0 holds 1, 3 | 5, 7: mean 4, variance
     * 5 (population); channel 1 holds 2, 2 | 2, 2: mean 2, variance 0. With gamma (2, 1), beta
     * (1, -1) and epsilon 1: y0 = 2 (x - 4) / sqrt(6) + 1, y1 = -1. The running statistics move
     * a tenth of the way from (0, 1) towards the batch's; evaluation normalises with them.
     */
    @Test
    void batchNormalisationOfTwoChannelsInTrainingAndEvaluation() {
        Network network = single(Shape.of(2, 1, 2), "batch_norm", "epsilon", 1.0);
        network.store().values("layer").get("gamma").assign(Nd4j.createFromArray(new float[][] {{2, 1}}));
        network.store().values("layer").get("beta").assign(Nd4j.createFromArray(new float[][] {{1, -1}}));
        INDArray x = Nd4j.createFromArray(new float[] {1, 3, 2, 2, 5, 7, 2, 2}).reshape(2, 2, 1, 2);
        INDArray trained = network.forward(x, true).dup();
        double s = Math.sqrt(6);
        float[] expected = {(float) (2 * -3 / s + 1), (float) (2 * -1 / s + 1), -1, -1, (float) (2 * 1 / s + 1),
            (float) (2 * 3 / s + 1), -1, -1};
        assertArrayEquals(expected, trained.data().asFloat(), 1e-5f);
        assertArrayEquals(new float[] {0.4f, 0.2f}, network.store().values("layer").get("mean").data().asFloat(), 1e-6f);
        assertArrayEquals(new float[] {1.4f, 0.9f}, network.store().values("layer").get("variance").data().asFloat(), 1e-6f);
        INDArray evaluated = network.forward(x, false);
        // channel 0: 2 (x - 0.4) / sqrt(2.4) + 1; channel 1: (2 - 0.2) / sqrt(1.9) - 1
        assertEquals(2 * (1 - 0.4) / Math.sqrt(2.4) + 1, evaluated.getDouble(0, 0, 0, 0), 1e-5);
        assertEquals((2 - 0.2) / Math.sqrt(1.9) - 1, evaluated.getDouble(1, 1, 0, 1), 1e-5);
    }
}
