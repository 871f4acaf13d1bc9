package org.example.denoising.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.core.optim.OptimizerFactory;
import io.latentlab.models.vae.Vae;
import io.latentlab.testkit.ModelGradientCheck;
import io.latentlab.testkit.StandardContributions;

class DenoisingVaeTest {

    private static final ContributionRegistry REGISTRY = StandardContributions.registry(new DenoisingVae());
    private static final DenoisingVae MODEL = new DenoisingVae();

    private static final Map<String, List<LayerEntry>> STACKS = Map.of(
            "encoder", List.of(new LayerEntry("e1", "dense", Map.of("units", 12, "activation", "tanh"))),
            "decoder", List.of(new LayerEntry("d1", "dense", Map.of("units", 12, "activation", "tanh")),
                    new LayerEntry("d2", "dense", Map.of("units", 16, "activation", "sigmoid"))));

    /** 64 noisy copies of four 4x4 binary prototypes (the first bit of each copy flipped at random). */
    private static INDArray patterns(DataType type) {
        double[][] rows = new double[64][16];
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < rows.length; i++) {
            int prototype = i % 4;
            for (int p = 0; p < 16; p++) {
                rows[i][p] = (p / 4 == prototype || p % 4 == prototype) ? 1 : 0;
            }
            rows[i][0] = random.nextBoolean() ? 1 : 0;
        }
        return Nd4j.createFromArray(rows).castTo(type);
    }

    /** The whole training step, through the corruption, the reparameterisation and the KL term. */
    @Test
    void gradientMatchesFiniteDifferences() {
        Model model = MODEL.create(ModelGradientCheck.setup(MODEL, Map.of("latent_dim", 3, "noise_std", 0.3), STACKS,
                Shape.of(16), 0, REGISTRY));
        INDArray x = patterns(DataType.DOUBLE).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 5));
        assertTrue(ModelGradientCheck.of(model, x, null).networks("encoder/", "decoder/").run() > 20);
    }

    /** Without noise it is exactly the VAE bundle's model: same losses, step by step. */
    @Test
    void withoutNoiseItIsTheVae() {
        ModelSetup setup = ModelGradientCheck.setup(MODEL, Map.of("latent_dim", 3, "noise_std", 0.0), STACKS,
                Shape.of(16), 0, REGISTRY);
        Model denoising = MODEL.create(setup);
        Vae vae = new Vae();
        Model plain = vae.create(new ModelSetup(Parameters.of(vae.schema(), Map.of("latent_dim", 3)), STACKS,
                setup.optimizers(), setup.exampleShape(), 0, REGISTRY, setup.dataType(), setup.seed(), 1));
        INDArray x = patterns(DataType.DOUBLE);
        for (int step = 1; step <= 3; step++) {
            assertEquals(plain.trainStep(x, null, step, 3).get("loss"), denoising.trainStep(x, null, step, 3).get("loss"), 1e-9);
        }
    }

    /** With Adam it learns to remove the noise: the denoised images are much closer to the clean ones than the noisy inputs. */
    @Test
    void learnsToDenoise() {
        OptimizerFactory adam = REGISTRY.get(OptimizerFactory.class, "adam");
        ModelSetup setup = new ModelSetup(Parameters.of(MODEL.schema(), Map.of("latent_dim", 4, "noise_std", 0.4)), STACKS,
                Map.of(ModelFactory.DEFAULT_OPTIMIZER, new ModelSetup.OptimizerChoice("adam",
                        Parameters.of(adam.schema(), Map.of("learning_rate", 0.01)))),
                Shape.of(16), 0, REGISTRY, DataType.FLOAT, 5, 1);
        Model model = MODEL.create(setup);
        INDArray x = patterns(DataType.FLOAT);
        double first = model.trainStep(x, null, 1, 400).get("loss");
        for (int step = 2; step <= 400; step++) {
            model.trainStep(x, null, step, 400);
        }
        Map<String, Double> metrics = model.evaluate(x, null);
        assertTrue(metrics.get("test_neg_elbo") < first / 2, metrics + " after a first loss of " + first);
        assertTrue(metrics.get("test_psnr_gain") > 3, metrics.toString());
        assertEquals(3, model.illustrate(x, null).size());
    }
}
