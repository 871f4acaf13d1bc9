package io.latentlab.models.gan.tests;

import static io.latentlab.testkit.ModelGradientCheck.setup;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.models.gan.Gan;
import io.latentlab.testkit.ModelGradientCheck;

/** The GAN's gradients in both its updates against float64 finite differences. */
class GradientTest {

    @Test
    void ganInBothItsDiscriminatorAndItsGeneratorUpdates() {
        Gan gan = new Gan();
        Model model = gan.create(setup(gan, Map.of("latent_dim", 3, "d_steps", 2, "label_smoothing", 0.1),
                Map.of("generator", List.of(new LayerEntry("g1", "dense", Map.of("units", 5, "activation", "tanh")),
                        new LayerEntry("g2", "dense", Map.of("units", 6, "activation", "tanh"))),
                        "discriminator", List.of(new LayerEntry("d1", "dense", Map.of("units", 4, "activation",
                                "leaky_relu")))),
                Shape.of(6), 0, 1));
        INDArray x = ModelGradientCheck.uniform(9, 4, 6);
        int checked = ModelGradientCheck.of(model, x, null).updates("discriminator").run();
        checked += ModelGradientCheck.of(model, x, null).updates("generator").run();
        assertTrue(checked > 20, "checked " + checked);
    }
}
