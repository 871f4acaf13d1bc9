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
import io.latentlab.core.model.Figure;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.core.optim.OptimizerChoice;
import io.latentlab.core.optim.OptimizerFactory;
import io.latentlab.engine.ModelStep;
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
        assertTrue(ModelGradientCheck.of(model, x, null).run() > 20);
    }

    /** Without noise it is exactly the VAE bundle's model: same losses, step by step. */
    @Test
    void withoutNoiseItIsTheVae() {
        ModelSetup setup = ModelGradientCheck.setup(MODEL, Map.of("latent_dim", 3, "noise_std", 0.0), STACKS,
                Shape.of(16), 0, REGISTRY);
        Model denoising = MODEL.create(setup);
        Vae vae = new Vae();
        Model plain = vae.create(new ModelSetup(Parameters.of(vae.schema(), Map.of("latent_dim", 3)), STACKS,
                setup.exampleShape(), 0, REGISTRY, setup.dataType(), setup.seed(), 1));
        INDArray x = patterns(DataType.DOUBLE);
        ModelStep plainSteps = new ModelStep(plain, Map.of(OptimizerChoice.DEFAULT_KEY, adam(0.01)), REGISTRY, 0, 0, 3);
        ModelStep denoisingSteps = new ModelStep(denoising, Map.of(OptimizerChoice.DEFAULT_KEY, adam(0.01)), REGISTRY, 0,
                0, 3);
        for (int step = 1; step <= 3; step++) {
            assertEquals(plainSteps.step(x, null, step).get("loss"), denoisingSteps.step(x, null, step).get("loss"), 1e-9);
        }
    }

    /** Its figure, a page of the run editor: one bar per test image; with no noise, nothing to gain. */
    @Test
    void psnrGainFigureHasABarPerImage() {
        Model clean = MODEL.create(ModelGradientCheck.setup(MODEL, Map.of("latent_dim", 3, "noise_std", 0.0), STACKS,
                Shape.of(16), 0, REGISTRY));
        Figure.Bars gains = (Figure.Bars) clean.figures(patterns(DataType.FLOAT).get(
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 10)), null).get(0);
        assertEquals("psnr-gain", gains.id());
        assertEquals(10, gains.values().length);
        for (double gain : gains.values()) {
            assertTrue(gain <= 0, "an untrained model gains nothing on a clean input: " + gain);
        }
    }

    private static OptimizerChoice adam(double rate) {
        OptimizerFactory adam = REGISTRY.get(OptimizerFactory.class, "adam");
        return new OptimizerChoice("adam", Parameters.of(adam.schema(), Map.of("learning_rate", rate)));
    }

    /** Trained by the engine with Adam, it learns to remove the noise: the denoised images are much closer to the clean ones. */
    @Test
    void learnsToDenoise() {
        ModelSetup setup = new ModelSetup(Parameters.of(MODEL.schema(), Map.of("latent_dim", 4, "noise_std", 0.4)), STACKS,
                Shape.of(16), 0, REGISTRY, DataType.FLOAT, 5, 1);
        Model model = MODEL.create(setup);
        ModelStep steps = new ModelStep(model, Map.of(OptimizerChoice.DEFAULT_KEY, adam(0.01)), REGISTRY, 0, 0, 400);
        INDArray x = patterns(DataType.FLOAT);
        double first = steps.step(x, null, 1).get("loss");
        for (int step = 2; step <= 400; step++) {
            steps.step(x, null, step);
        }
        Map<String, Double> metrics = model.evaluate(x, null);
        assertTrue(metrics.get("test_neg_elbo") < first / 2, metrics + " after a first loss of " + first);
        assertTrue(metrics.get("test_psnr_gain") > 3, metrics.toString());
        assertEquals(3, model.illustrate(x, null).size());
    }
}
