package io.latentlab.models.vqvae.tests;

import static io.latentlab.testkit.ModelGradientCheck.setup;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.models.vqvae.VqVae;
import io.latentlab.testkit.ModelGradientCheck;

/** The VQ-VAE's decoder and codebook gradients against float64 finite differences. */
class GradientTest {

    @Test
    void vqVaeWithTheStraightThroughEstimatorCommitmentAndCodebookTerms() {
        VqVae vq = new VqVae();
        Model model = vq.create(setup(vq, Map.of("codes", 4, "commitment", 0.25, "loss", "mse", "restart_every", 0),
                Map.of("encoder", List.of(new LayerEntry("e1", "conv2d", Map.of("filters", 3, "kernel", 2, "stride", 2))),
                        "decoder", List.of(new LayerEntry("d1", "upsampling2d", Map.of()),
                                new LayerEntry("d2", "conv2d", Map.of("filters", 1, "activation", "sigmoid")))),
                Shape.of(1, 4, 4), 0, 1));
        INDArray x = ModelGradientCheck.uniform(7, 2, 1, 4, 4);
        // step 1 initialises the codebook from the encoder's outputs
        model.computeGradients(model.updates(1).get(0), x, null, 1);
        // the straight-through estimator is not the true gradient of the encoder (by design); the
        // decoder's is that of the loss, the codebook's that of its own term
        assertTrue(ModelGradientCheck.of(model, x, null).step(2).networks("decoder").run() > 5);
        assertTrue(ModelGradientCheck.of(model, x, null).step(2).networks("codebook").metric("codebook_loss").run() > 5);
    }
}
