package io.latentlab.models.unet.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.augmentations.core.Augmentations.GaussianNoise;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.models.unet.UNet;
import io.latentlab.testkit.ModelGradientCheck;
import io.latentlab.testkit.StandardContributions;

/** The U-Net's whole gradient against float64 finite differences, its input noise included. */
class GradientTest {

    private static ModelSetup setup(ModelFactory factory, Map<String, Object> parameters,
            Map<String, List<LayerEntry>> stacks, Shape input, int classes, long stepsPerEpoch) {
        return ModelGradientCheck.setup(factory, parameters, stacks, input, classes, StandardContributions.registry(new GaussianNoise()), stepsPerEpoch);
    }

    private static void check(Model model, INDArray x, INDArray labels, long step) {
        int checked = ModelGradientCheck.of(model, x, labels).step(step).run();
        assertTrue(checked > 5, "checked " + checked);
    }

    @Test
    void unetThroughSkipConnectionsPoolingAndUpsampling() {
        UNet unet = new UNet();
        Model model = unet.create(setup(unet, Map.of("depth", 1, "filters", 2, "noise_std", 0.1, "occlusion", 0), // an occluded square of zeros puts ReLUs on their kink
                Map.of(), Shape.of(1, 4, 4), 0, 1));
        check(model, ModelGradientCheck.uniform(5, 2, 1, 4, 4), null, 1);
        Model normalised = unet.create(setup(unet, Map.of("depth", 1, "filters", 2, "noise_std", 0.1, "occlusion", 0,
                "batch_norm", true), Map.of(), Shape.of(1, 4, 4), 0, 1));
        check(normalised, ModelGradientCheck.uniform(6, 3, 1, 4, 4), null, 1);
    }
}
