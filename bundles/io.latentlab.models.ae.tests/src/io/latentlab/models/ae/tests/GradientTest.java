package io.latentlab.models.ae.tests;

import static io.latentlab.testkit.ModelGradientCheck.checkStep;
import static io.latentlab.testkit.ModelGradientCheck.setup;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.models.ae.Autoencoder;
import io.latentlab.models.ae.DenoisingAutoencoder;
import io.latentlab.models.ae.SparseAutoencoder;
import io.latentlab.models.ae.StackedAutoencoder;
import io.latentlab.testkit.ModelGradientCheck;

/** The autoencoder family's whole gradient (each variant, a skip connection, the stacked autoencoder's phases) against float64 finite differences. */
class GradientTest {

    private static final Map<String, List<LayerEntry>> DENSE_AE = Map.of(
            "encoder", List.of(new LayerEntry("e1", "dense", Map.of("units", 5, "activation", "tanh")),
                    new LayerEntry("e2", "dense", Map.of("units", 3, "activation", "sigmoid"))),
            "decoder", List.of(new LayerEntry("d1", "dense", Map.of("units", 6, "activation", "sigmoid"))));

    @Test
    void autoencoderWithBothItsLosses() {
        Autoencoder ae = new Autoencoder();
        checkStep(ae.create(setup(ae, Map.of(), DENSE_AE, Shape.of(6), 0, 1)), ModelGradientCheck.uniform(1, 4, 6), null, 1);
        checkStep(ae.create(setup(ae, Map.of("loss", "mse"), DENSE_AE, Shape.of(6), 0, 1)), ModelGradientCheck.uniform(2, 4, 6), null, 1);
    }

    @Test
    void denoisingAutoencoderThroughItsNoisyInput() {
        DenoisingAutoencoder dae = new DenoisingAutoencoder();
        checkStep(dae.create(setup(dae, Map.of("noise_std", 0.3), DENSE_AE, Shape.of(6), 0, 1)), ModelGradientCheck.uniform(3, 4, 6), null, 1);
    }

    @Test
    void sparseAutoencoderThroughItsKlPenaltyOnTheCode() {
        SparseAutoencoder sparse = new SparseAutoencoder();
        Model model = sparse.create(setup(sparse, Map.of("sparsity_weight", 0.5, "sparsity_target", 0.2), DENSE_AE,
                Shape.of(6), 0, 1));
        checkStep(model, ModelGradientCheck.uniform(4, 5, 6), null, 1);
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
        checkStep(ae.create(setup(ae, Map.of(), stacks, Shape.of(6), 0, 1)), ModelGradientCheck.uniform(5, 4, 6), null, 1);
    }

    @Test
    void stackedAutoencoderInPreTrainingOfTheSecondLayerAndInFineTuning() {
        StackedAutoencoder stacked = new StackedAutoencoder();
        Map<String, List<LayerEntry>> stacks = Map.of("encoder", List.of(
                new LayerEntry("h1", "dense", Map.of("units", 5, "activation", "sigmoid")),
                new LayerEntry("h2", "dense", Map.of("units", 4, "activation", "sigmoid"))));
        Model model = stacked.create(setup(stacked, Map.of("pretrain_epochs", 1, "pretrain_rate_scale", 1.0), stacks,
                Shape.of(6), 3, 2)); // layer 1: steps 1-2, layer 2: steps 3-4, fine-tuning from step 5
        INDArray x = ModelGradientCheck.uniform(6, 4, 6);
        INDArray labels = Nd4j.createFromArray(new long[][] {{0}, {2}, {1}, {2}});
        checkStep(model, x, labels, 3);
        checkStep(model, x, labels, 5);
    }
}
