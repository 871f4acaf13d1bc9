package io.latentlab.models.unet.tests;

import static io.latentlab.testkit.ModelGradientCheck.setup;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import io.latentlab.augmentations.core.Augmentations.GaussianNoise;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.Figure;
import io.latentlab.core.model.Model;
import io.latentlab.models.unet.UNet;
import io.latentlab.testkit.ModelGradientCheck;
import io.latentlab.testkit.StandardContributions;

/** The U-Net's Overlays figure: masks read back from its colours give the IoU in its captions. */
class OverlaysFigureTest {

    @Test
    void captionsAreTheIouOfThePredictedAndTargetMasksDrawn() {
        UNet unet = new UNet();
        Model model = unet.create(setup(unet, Map.of("depth", 1, "filters", 2, "noise_std", 0, "occlusion", 0),
                Map.of(), Shape.of(1, 4, 4), 0, StandardContributions.registry(new GaussianNoise()), 1));
        INDArray x = ModelGradientCheck.uniform(4, 20, 1, 4, 4);
        Figure.Images overlays = (Figure.Images) model.figures(x, null).get(0);
        assertEquals("overlays", overlays.id());
        assertEquals(16, overlays.captions().size());
        INDArray input = overlays.bands().get(0);
        INDArray colours = overlays.bands().get(1);
        assertArrayEquals(new long[] {16, 3, 4, 4}, colours.shape());
        // without noise the input is the clean image, in grey
        assertEquals(x.get(NDArrayIndex.interval(0, 16)), input.get(NDArrayIndex.all(), NDArrayIndex.point(0),
                NDArrayIndex.all(), NDArrayIndex.all()).reshape(16, 1, 4, 4));
        INDArray dim = colours.get(NDArrayIndex.all(), NDArrayIndex.point(2), NDArrayIndex.all(), NDArrayIndex.all());
        INDArray predicted = colours.get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.all())
                .sub(dim).mul(2);
        INDArray target = colours.get(NDArrayIndex.all(), NDArrayIndex.point(1), NDArrayIndex.all(), NDArrayIndex.all())
                .sub(dim).mul(2);
        boolean someOverlap = false;
        for (int i = 0; i < 16; i++) {
            double[] p = predicted.slice(i).reshape(16).toDoubleVector();
            double[] t = target.slice(i).reshape(16).toDoubleVector();
            double intersection = 0;
            double union = 0;
            for (int k = 0; k < 16; k++) {
                boolean inP = Math.round(p[k]) == 1;
                boolean inT = Math.round(t[k]) == 1;
                assertEquals(x.getDouble(i, 0, k / 4, k % 4) > 0.5, inT, "the target is the pixel above the threshold");
                intersection += inP && inT ? 1 : 0;
                union += inP || inT ? 1 : 0;
            }
            someOverlap |= intersection > 0;
            assertEquals(String.format(Locale.ROOT, "IoU %.2f", union == 0 ? 1.0 : intersection / union),
                    overlays.captions().get(i));
        }
        assertTrue(someOverlap, "a check of IoU 0 everywhere would not show much");
    }
}
