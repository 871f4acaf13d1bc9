package io.latentlab.models.unet.tests;

import static io.latentlab.testkit.ModelGradientCheck.checkStep;
import static io.latentlab.testkit.ModelGradientCheck.setup;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.latentlab.augmentations.core.Augmentations.GaussianNoise;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.Model;
import io.latentlab.models.unet.UNet;
import io.latentlab.testkit.ModelGradientCheck;
import io.latentlab.testkit.StandardContributions;

/** The U-Net's whole gradient against float64 finite differences, its input noise included. */
class GradientTest {

    /** The U-Net corrupts its inputs with the gaussian_noise augmentation. */
    private static final ContributionRegistry REGISTRY = StandardContributions.registry(new GaussianNoise());

    @Test
    void unetThroughSkipConnectionsPoolingAndUpsampling() {
        UNet unet = new UNet();
        // occlusion 0: an occluded square of zeros puts ReLUs on their kink
        Model model = unet.create(setup(unet, Map.of("depth", 1, "filters", 2, "noise_std", 0.1, "occlusion", 0),
                Map.of(), Shape.of(1, 4, 4), 0, REGISTRY, 1));
        checkStep(model, ModelGradientCheck.uniform(5, 2, 1, 4, 4), null, 1);
        Model normalised = unet.create(setup(unet, Map.of("depth", 1, "filters", 2, "noise_std", 0.1, "occlusion", 0,
                "batch_norm", true), Map.of(), Shape.of(1, 4, 4), 0, REGISTRY, 1));
        checkStep(normalised, ModelGradientCheck.uniform(6, 3, 1, 4, 4), null, 1);
    }
}
