package io.latentlab.experiments.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
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
import io.latentlab.models.ae.Autoencoder;
import io.latentlab.models.ae.DenoisingAutoencoder;
import io.latentlab.models.ae.SparseAutoencoder;
import io.latentlab.models.ae.StackedAutoencoder;
import io.latentlab.models.gan.Gan;
import io.latentlab.models.unet.UNet;
import io.latentlab.models.vae.Vae;
import io.latentlab.models.vqvae.VqVae;
import io.latentlab.testkit.ModelGradientCheck;

/**
 * Every model's whole gradient against float64 finite differences of the loss its update
 * reports, with its randomness held fixed (random states are restored with the parameters):
 * each update of a training step, each network it trains.
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

    private static final Map<String, List<LayerEntry>> DENSE_AE = Map.of(
            "encoder", List.of(new LayerEntry("e1", "dense", Map.of("units", 5, "activation", "tanh")),
                    new LayerEntry("e2", "dense", Map.of("units", 3, "activation", "sigmoid"))),
            "decoder", List.of(new LayerEntry("d1", "dense", Map.of("units", 6, "activation", "sigmoid"))));

    @Test
    void autoencoderWithBothItsLosses() {
        Autoencoder ae = new Autoencoder();
        check(ae.create(setup(ae, Map.of(), DENSE_AE, Shape.of(6), 0, 1)), uniform(1, 4, 6), null, 1);
        check(ae.create(setup(ae, Map.of("loss", "mse"), DENSE_AE, Shape.of(6), 0, 1)), uniform(2, 4, 6), null, 1);
    }

    @Test
    void denoisingAutoencoderThroughItsNoisyInput() {
        DenoisingAutoencoder dae = new DenoisingAutoencoder();
        check(dae.create(setup(dae, Map.of("noise_std", 0.3), DENSE_AE, Shape.of(6), 0, 1)), uniform(3, 4, 6), null, 1);
    }

    @Test
    void sparseAutoencoderThroughItsKlPenaltyOnTheCode() {
        SparseAutoencoder sparse = new SparseAutoencoder();
        Model model = sparse.create(setup(sparse, Map.of("sparsity_weight", 0.5, "sparsity_target", 0.2), DENSE_AE,
                Shape.of(6), 0, 1));
        check(model, uniform(4, 5, 6), null, 1);
    }

    @Test
    void autoencoderWithASkipConnectionWrittenInTheExperiment() {
        Autoencoder ae = new Autoencoder();
        Map<String, List<LayerEntry>> stacks = Map.of(
                "encoder", List.of(new LayerEntry("e1", "dense", Map.of("units", 6, "activation", "tanh")),
                        new LayerEntry("e2", "dense", Map.of("units", 3, "activation", "tanh"))),
                "decoder", List.of(new LayerEntry("d1", "dense", Map.of("units", 6, "activation", "tanh")),
                        new LayerEntry("skip", "add", Map.of(), List.of("d1", "e1")),
                        new LayerEntry("d2", "dense", Map.of("units", 6, "activation", "sigmoid"))));
        check(ae.create(setup(ae, Map.of(), stacks, Shape.of(6), 0, 1)), uniform(5, 4, 6), null, 1);
    }

    @Test
    void vaeThroughTheReparameterisationAndTheKlTerm() {
        Vae vae = new Vae();
        Model model = vae.create(setup(vae, Map.of("latent_dim", 3),
                Map.of("encoder", List.of(new LayerEntry("e1", "dense", Map.of("units", 5, "activation", "sigmoid"))),
                        "decoder", List.of(new LayerEntry("d1", "dense", Map.of("units", 4, "activation", "sigmoid")),
                                new LayerEntry("d2", "dense", Map.of("units", 6, "activation", "sigmoid")))),
                Shape.of(6), 0, 1));
        check(model, uniform(4, 3, 6), null, 1);
    }

    @Test
    void conditionalVaeWithTheLabelBesideTheImageAndTheCode() {
        Vae vae = new Vae();
        Model model = vae.create(setup(vae, Map.of("latent_dim", 2, "conditional", true),
                Map.of("encoder", List.of(new LayerEntry("e1", "dense", Map.of("units", 5, "activation", "tanh"))),
                        "decoder", List.of(new LayerEntry("d1", "dense", Map.of("units", 6, "activation", "sigmoid")))),
                Shape.of(6), 3, 1));
        INDArray labels = Nd4j.createFromArray(new long[][] {{2}, {0}, {1}});
        check(model, uniform(8, 3, 6), labels, 1);
        // the label changes the decoding of one code
        INDArray code = Nd4j.zeros(DataType.DOUBLE, 3, 2);
        INDArray images = model.decode(code);
        assertTrue(images.getRow(0).sub(images.getRow(1)).norm2Number().doubleValue() > 1e-6);
    }

    @Test
    void ganInBothItsDiscriminatorAndItsGeneratorUpdates() {
        Gan gan = new Gan();
        Model model = gan.create(setup(gan, Map.of("latent_dim", 3, "d_steps", 2, "label_smoothing", 0.1),
                Map.of("generator", List.of(new LayerEntry("g1", "dense", Map.of("units", 5, "activation", "tanh")),
                        new LayerEntry("g2", "dense", Map.of("units", 6, "activation", "tanh"))),
                        "discriminator", List.of(new LayerEntry("d1", "dense", Map.of("units", 4, "activation",
                                "leaky_relu")))),
                Shape.of(6), 0, 1));
        INDArray x = uniform(9, 4, 6);
        int checked = ModelGradientCheck.of(model, x, null).updates("discriminator").run();
        checked += ModelGradientCheck.of(model, x, null).updates("generator").run();
        assertTrue(checked > 20, "checked " + checked);
    }

    @Test
    void unetThroughSkipConnectionsPoolingAndUpsampling() {
        UNet unet = new UNet();
        Model model = unet.create(setup(unet, Map.of("depth", 1, "filters", 2, "noise_std", 0.1, "occlusion", 0), // an occluded square of zeros puts ReLUs on their kink
                Map.of(), Shape.of(1, 4, 4), 0, 1));
        check(model, uniform(5, 2, 1, 4, 4), null, 1);
        Model normalised = unet.create(setup(unet, Map.of("depth", 1, "filters", 2, "noise_std", 0.1, "occlusion", 0,
                "batch_norm", true), Map.of(), Shape.of(1, 4, 4), 0, 1));
        check(normalised, uniform(6, 3, 1, 4, 4), null, 1);
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
        check(model, x, labels, 3);
        check(model, x, labels, 5);
    }

    @Test
    void vqVaeWithTheStraightThroughEstimatorCommitmentAndCodebookTerms() {
        VqVae vq = new VqVae();
        Model model = vq.create(setup(vq, Map.of("codes", 4, "commitment", 0.25, "loss", "mse", "restart_every", 0),
                Map.of("encoder", List.of(new LayerEntry("e1", "conv2d", Map.of("filters", 3, "kernel", 2, "stride", 2))),
                        "decoder", List.of(new LayerEntry("d1", "upsampling2d", Map.of()),
                                new LayerEntry("d2", "conv2d", Map.of("filters", 1, "activation", "sigmoid")))),
                Shape.of(1, 4, 4), 0, 1));
        INDArray x = uniform(7, 2, 1, 4, 4);
        // step 1 initialises the codebook from the encoder's outputs
        model.computeGradients(model.updates(1).get(0), x, null, 1);
        // the straight-through estimator is not the true gradient of the encoder (by design); the
        // decoder's is that of the loss, the codebook's that of its own term
        assertTrue(ModelGradientCheck.of(model, x, null).step(2).networks("decoder").run() > 5);
        assertTrue(ModelGradientCheck.of(model, x, null).step(2).networks("codebook").metric("codebook_loss").run() > 5);
    }

    @Test
    void theCheckFailsForAModelWhoseGradientIsWrong() {
        Autoencoder ae = new Autoencoder();
        Model model = ae.create(setup(ae, Map.of(), DENSE_AE, Shape.of(6), 0, 1));
        Model halved = new HalvedGradient(model);
        assertThrows(AssertionError.class, () -> ModelGradientCheck.of(halved, uniform(1, 4, 6), null).run());
    }

    private static void check(Model model, INDArray x, INDArray labels, long step) {
        int checked = ModelGradientCheck.of(model, x, labels).step(step).run();
        assertTrue(checked > 5, "checked " + checked);
    }
}
