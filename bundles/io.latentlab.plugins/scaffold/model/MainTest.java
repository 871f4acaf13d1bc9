package @@PACKAGE@@;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.core.optim.OptimizerChoice;
import io.latentlab.core.optim.OptimizerFactory;
import io.latentlab.engine.ModelStep;
import io.latentlab.testkit.ModelGradientCheck;
import io.latentlab.testkit.StandardContributions;

class @@CLASS@@Test {

    private static final @@CLASS@@ MODEL = new @@CLASS@@();
    private static final ContributionRegistry REGISTRY = StandardContributions.registry(MODEL);
    private static final Map<String, List<LayerEntry>> STACKS = Map.of("network", List.of(
            new LayerEntry("hidden", "dense", Map.of("units", 5, "activation", "tanh")),
            new LayerEntry("output", "dense", Map.of("units", 12, "activation", "sigmoid"))));

    /** The gradients of a training step against finite differences of its loss (float64). */
    @Test
    void gradientMatchesFiniteDifferences() {
        Model model = MODEL.create(ModelGradientCheck.setup(MODEL, Map.of(), STACKS, Shape.of(12), 0, REGISTRY));
        ModelGradientCheck.of(model, ModelGradientCheck.uniform(1, 4, 12), null).run();
    }

    /** Trained by the engine with Adam, its test loss falls well below where it started. */
    @Test
    void learns() {
        ModelSetup setup = new ModelSetup(Parameters.of(MODEL.schema(), Map.of()), STACKS, Shape.of(12), 0, REGISTRY,
                DataType.FLOAT, 5, 1);
        Model model = MODEL.create(setup);
        OptimizerFactory adam = REGISTRY.get(OptimizerFactory.class, "adam");
        ModelStep steps = new ModelStep(model, Map.of(OptimizerChoice.DEFAULT_KEY,
                new OptimizerChoice("adam", Parameters.of(adam.schema(), Map.of("learning_rate", 0.02)))), REGISTRY, 0, 0,
                300);
        INDArray x = ModelGradientCheck.uniform(2, 32, 12).castTo(DataType.FLOAT);
        double before = model.evaluate(x, null).get("test_loss");
        for (int step = 1; step <= 300; step++) {
            steps.step(x, null, step);
        }
        double after = model.evaluate(x, null).get("test_loss");
        assertTrue(after < before / 2, "test loss " + before + " -> " + after);
    }
}
