package io.latentlab.models.vae.tests;

import static io.latentlab.testkit.ModelGradientCheck.checkStep;
import static io.latentlab.testkit.ModelGradientCheck.setup;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.models.vae.Vae;
import io.latentlab.testkit.ModelGradientCheck;

/** The VAE's whole gradient, through the reparameterisation and the KL term, against float64 finite differences. */
class GradientTest {

    @Test
    void vaeThroughTheReparameterisationAndTheKlTerm() {
        Vae vae = new Vae();
        Model model = vae.create(setup(vae, Map.of("latent_dim", 3),
                Map.of("encoder", List.of(new LayerEntry("e1", "dense", Map.of("units", 5, "activation", "sigmoid"))),
                        "decoder", List.of(new LayerEntry("d1", "dense", Map.of("units", 4, "activation", "sigmoid")),
                                new LayerEntry("d2", "dense", Map.of("units", 6, "activation", "sigmoid")))),
                Shape.of(6), 0, 1));
        checkStep(model, ModelGradientCheck.uniform(4, 3, 6), null, 1);
    }

    @Test
    void conditionalVaeWithTheLabelBesideTheImageAndTheCode() {
        Vae vae = new Vae();
        Model model = vae.create(setup(vae, Map.of("latent_dim", 2, "conditional", true),
                Map.of("encoder", List.of(new LayerEntry("e1", "dense", Map.of("units", 5, "activation", "tanh"))),
                        "decoder", List.of(new LayerEntry("d1", "dense", Map.of("units", 6, "activation", "sigmoid")))),
                Shape.of(6), 3, 1));
        INDArray labels = Nd4j.createFromArray(new long[][] {{2}, {0}, {1}});
        checkStep(model, ModelGradientCheck.uniform(8, 3, 6), labels, 1);
        // the label changes the decoding of one code
        INDArray code = Nd4j.zeros(DataType.DOUBLE, 3, 2);
        INDArray images = model.decode(code);
        assertTrue(images.getRow(0).sub(images.getRow(1)).norm2Number().doubleValue() > 1e-6);
    }
}
