package io.latentlab.models.gan.tests;

import static io.latentlab.testkit.ModelGradientCheck.setup;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.core.Parameters;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.Figure;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.core.optim.OptimizerChoice;
import io.latentlab.core.optim.OptimizerFactory;
import io.latentlab.engine.ModelStep;
import io.latentlab.models.gan.Gan;
import io.latentlab.testkit.ModelGradientCheck;
import io.latentlab.testkit.StandardContributions;

/** The GAN's Fixed noise figure: the same codes every epoch, so only the generator's change shows. */
class FixedNoiseFigureTest {

    private static INDArray fixedNoise(Model model, INDArray x) {
        Figure.Images figure = (Figure.Images) model.figures(x, null).get(0);
        assertEquals("fixed-noise", figure.id());
        return figure.bands().get(0).dup();
    }

    @Test
    void sameCodesEveryTimeNewImagesOnlyWhenTheGeneratorChanges() {
        Gan gan = new Gan();
        Model model = gan.create(setup(gan, Map.of("latent_dim", 3),
                Map.of("generator", List.of(new LayerEntry("g1", "dense", Map.of("units", 6, "activation", "sigmoid"))),
                        "discriminator", List.of(new LayerEntry("d1", "dense", Map.of("units", 4)))),
                Shape.of(6), 0, 1));
        INDArray x = ModelGradientCheck.uniform(3, 8, 6);
        INDArray first = fixedNoise(model, x);
        assertArrayEquals(new long[] {64, 6}, first.shape());
        model.sample(x); // a sample draws fresh noise: the figure's must not move with it
        assertEquals(first, fixedNoise(model, x));
        OptimizerFactory adam = StandardContributions.registry().get(OptimizerFactory.class, "adam");
        ModelStep step = new ModelStep(model, Map.of(OptimizerChoice.DEFAULT_KEY, new OptimizerChoice("adam",
                Parameters.of(adam.schema(), Map.of("learning_rate", 0.01)))), StandardContributions.registry(), 0, 0, 2);
        step.step(x, null, 1);
        step.step(x, null, 2);
        assertNotEquals(first, fixedNoise(model, x), "two training steps changed the generator");
    }
}
