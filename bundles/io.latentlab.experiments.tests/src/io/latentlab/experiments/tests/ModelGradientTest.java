package io.latentlab.experiments.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.models.ae.StackedAutoencoder;
import io.latentlab.models.unet.UNet;
import io.latentlab.models.vae.Vae;
import io.latentlab.models.vqvae.VqVae;
import io.latentlab.testkit.ModelGradientCheck;

/**
 * Each model's whole gradient against float64 finite differences of the loss its training step
 * reports, with its randomness held fixed (the random state is restored with the parameters).
 * With SGD at learning rate 1, one step moves each parameter by minus its gradient.
 */
class ModelGradientTest {

    private static ModelSetup setup(ModelFactory factory, Map<String, Object> parameters,
            Map<String, List<LayerEntry>> stacks, Shape input, int classes, long stepsPerEpoch) {
        return ModelGradientCheck.setup(factory, parameters, stacks, input, classes, Fixtures.REGISTRY, stepsPerEpoch);
    }

    private static INDArray uniform(long seed, long... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        INDArray x = Nd4j.create(DataType.DOUBLE, shape);
        for (long i = 0; i < x.length(); i++) {
            x.putScalar(i, random.nextDouble());
        }
        return x;
    }

    @Test
    void vaeThroughTheReparameterisationAndTheKlTerm() {
        Vae vae = new Vae();
        Model model = vae.create(setup(vae, Map.of("latent_dim", 3),
                Map.of("encoder", List.of(new LayerEntry("e1", "dense", Map.of("units", 5, "activation", "sigmoid"))),
                        "decoder", List.of(new LayerEntry("d1", "dense", Map.of("units", 4, "activation", "sigmoid")),
                                new LayerEntry("d2", "dense", Map.of("units", 6, "activation", "sigmoid")))),
                Shape.of(6), 0, 1));
        check(model, uniform(4, 3, 6), null, 1, List.of("encoder/", "decoder/"));
    }

    @Test
    void conditionalVaeWithTheLabelBesideTheImageAndTheCode() {
        Vae vae = new Vae();
        Model model = vae.create(setup(vae, Map.of("latent_dim", 2, "conditional", true),
                Map.of("encoder", List.of(new LayerEntry("e1", "dense", Map.of("units", 5, "activation", "tanh"))),
                        "decoder", List.of(new LayerEntry("d1", "dense", Map.of("units", 6, "activation", "sigmoid")))),
                Shape.of(6), 3, 1));
        INDArray labels = Nd4j.createFromArray(new long[][] {{2}, {0}, {1}});
        check(model, uniform(8, 3, 6), labels, 1, List.of("encoder/", "decoder/"));
        // the label changes the decoding of one code
        INDArray code = Nd4j.zeros(DataType.DOUBLE, 3, 2);
        INDArray images = model.decode(code);
        assertTrue(images.getRow(0).sub(images.getRow(1)).norm2Number().doubleValue() > 1e-6);
    }

    @Test
    void unetThroughSkipConnectionsPoolingAndUpsampling() {
        UNet unet = new UNet();
        Model model = unet.create(setup(unet, Map.of("depth", 1, "filters", 2, "noise_std", 0.1, "occlusion", 0), // an occluded square of zeros puts ReLUs on their kink
                Map.of(), Shape.of(1, 4, 4), 0, 1));
        check(model, uniform(5, 2, 1, 4, 4), null, 1, List.of(""));
        Model normalised = unet.create(setup(unet, Map.of("depth", 1, "filters", 2, "noise_std", 0.1, "occlusion", 0,
                "batch_norm", true), Map.of(), Shape.of(1, 4, 4), 0, 1));
        check(normalised, uniform(6, 3, 1, 4, 4), null, 1, List.of(""));
    }

    @Test
    void stackedAutoencoderInPreTrainingOfTheSecondLayerAndInFineTuning() {
        StackedAutoencoder stacked = new StackedAutoencoder();
        Map<String, List<LayerEntry>> stacks = Map.of("encoder", List.of(
                new LayerEntry("h1", "dense", Map.of("units", 5, "activation", "sigmoid")),
                new LayerEntry("h2", "dense", Map.of("units", 4, "activation", "sigmoid"))));
        Model model = stacked.create(setup(stacked, Map.of("pretrain_epochs", 1, "pretrain_rate_scale", 1.0), stacks,
                Shape.of(6), 3, 2)); // layer 1: steps 1-2, layer 2: steps 3-4, fine-tuning from step 5
        INDArray x = uniform(6, 4, 6);
        INDArray labels = Nd4j.createFromArray(new long[][] {{0}, {2}, {1}, {2}});
        check(model, x, labels, 3, List.of("layer1/", "decoder1/"));
        check(model, x, labels, 5, List.of("layer0/", "layer1/", "head/"));
    }

    @Test
    void vqVaeWithTheStraightThroughEstimatorCommitmentAndCodebookTerms() {
        VqVae vq = new VqVae();
        Model model = vq.create(setup(vq, Map.of("codes", 4, "commitment", 0.25, "loss", "mse"),
                Map.of("encoder", List.of(new LayerEntry("e1", "conv2d", Map.of("filters", 3, "kernel", 2, "stride", 2))),
                        "decoder", List.of(new LayerEntry("d1", "upsampling2d", Map.of()),
                                new LayerEntry("d2", "conv2d", Map.of("filters", 1, "activation", "sigmoid")))),
                Shape.of(1, 4, 4), 0, 1));
        INDArray x = uniform(7, 2, 1, 4, 4);
        model.trainStep(x, null, 1, 10); // initialises the codebook from the encoder's outputs
        // the straight-through estimator is not the true gradient of the encoder (by design); the
        // decoder's is that of the loss, the codebook's that of its own term
        check(model, x, null, 2, List.of("decoder/"), "loss");
        check(model, x, null, 2, List.of("codebook/"), "codebook_loss");
    }

    private static void check(Model model, INDArray x, INDArray labels, long step, List<String> networks) {
        check(model, x, labels, step, networks, "loss");
    }

    private static void check(Model model, INDArray x, INDArray labels, long step, List<String> networks, String metric) {
        int checked = ModelGradientCheck.of(model, x, labels).step(step).networks(networks.toArray(String[]::new))
                .metric(metric).run();
        assertTrue(checked > 5);
    }
}
