package io.latentlab.testkit.tests;

import static io.latentlab.testkit.ModelGradientCheck.setup;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.models.ae.Autoencoder;
import io.latentlab.testkit.ModelGradientCheck;

/** The model gradient check fails for a model whose gradient is wrong. */
class ModelGradientCheckTest {

    private static final Map<String, List<LayerEntry>> DENSE_AE = Map.of(
            "encoder", List.of(new LayerEntry("e1", "dense", Map.of("units", 5, "activation", "tanh")),
                    new LayerEntry("e2", "dense", Map.of("units", 3, "activation", "sigmoid"))),
            "decoder", List.of(new LayerEntry("d1", "dense", Map.of("units", 6, "activation", "sigmoid"))));

    @Test
    void theCheckFailsForAModelWhoseGradientIsWrong() {
        Autoencoder ae = new Autoencoder();
        Model model = ae.create(setup(ae, Map.of(), DENSE_AE, Shape.of(6), 0, 1));
        Model halved = new HalvedGradient(model);
        assertThrows(AssertionError.class, () -> ModelGradientCheck.of(halved, ModelGradientCheck.uniform(1, 4, 6), null).run());
    }
}
