package io.latentlab.experiments.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.latentlab.experiments.ExperimentText;

/** The form page's edits change exactly the field or item they name and keep the rest of the text. */
class ExperimentTextTest {

    private static final String VAE = """
            # A dense VAE
            name: dense-vae
            seed: 1
            dataset:
              id: mnist
            model:
              id: vae
              latent_dim: 20   # the code size
              encoder:
                - dense: {units: 400, activation: relu}
              decoder:
                - dense: {units: 400, activation: relu}
                # the output layer
                - dense: {units: 784, activation: sigmoid}
            optimizer:
              id: adam
              learning_rate: 0.001
            training:
              epochs: 10
            """;

    @Test
    void aScalarIsReplacedWhereItIsWrittenKeepingItsComment() {
        String edited = ExperimentText.set(VAE, "model.latent_dim", 2L);
        assertEquals(VAE.replace("latent_dim: 20   #", "latent_dim: 2   #"), edited);
        assertEquals(VAE.replace("learning_rate: 0.001", "learning_rate: 1.0E-4"),
                ExperimentText.set(VAE, "optimizer.learning_rate", 1e-4));
        assertEquals(1e-4, path(ExperimentText.set(VAE, "optimizer.learning_rate", 1e-4), "optimizer", "learning_rate"));
    }

    @Test
    void aLayerParameterIsReplacedOrAddedInsideItsFlowMapping() {
        assertEquals(VAE.replace("{units: 400, activation: relu}\n  decoder", "{units: 256, activation: relu}\n  decoder"),
                ExperimentText.set(VAE, "model.encoder[0].dense.units", 256L));
        assertEquals(VAE.replace("{units: 784, activation: sigmoid}", "{units: 784, activation: sigmoid, use_bias: false}"),
                ExperimentText.set(VAE, "model.decoder[1].dense.use_bias", false));
        assertEquals(VAE.replace("{units: 784, activation: sigmoid}", "{units: 784}"),
                ExperimentText.remove(VAE, "model.decoder[1].dense.activation"));
        assertEquals(VAE.replace("{units: 784, activation: sigmoid}", "{activation: sigmoid}"),
                ExperimentText.remove(VAE, "model.decoder[1].dense.units"));
    }

    @Test
    void aMissingFieldIsAddedAtTheEndOfItsBlockMappingAndRemovedAgain() {
        String added = ExperimentText.set(VAE, "training.batch_size", 64L);
        assertEquals(VAE + "  batch_size: 64\n", added);
        assertEquals(VAE, ExperimentText.remove(added, "training.batch_size"));

        String beta = ExperimentText.set(VAE, "model.beta", 4.0);
        assertEquals(VAE.replace("""
                    - dense: {units: 784, activation: sigmoid}
                """, """
                    - dense: {units: 784, activation: sigmoid}
                  beta: 4.0
                """), beta);
        assertEquals(VAE, ExperimentText.remove(beta, "model.beta"));
        assertEquals(VAE.replace("  learning_rate: 0.001\n", ""), ExperimentText.remove(VAE, "optimizer.learning_rate"));
        assertEquals(VAE, ExperimentText.remove(VAE, "optimizer.momentum"), "not written: nothing to remove");
    }

    @Test
    void aMissingSectionIsAddedWithItsField() {
        String edited = ExperimentText.set("name: x\n", "training.epochs", 3L);
        assertEquals("name: x\ntraining: {epochs: 3}\n", edited);
        assertEquals("name: x\ntraining: {epochs: 3}\n", ExperimentText.set("name: x\ntraining:\n", "training.epochs", 3L));
        assertEquals("name: x\ntraining: {epochs: 3, batch_size: 8}\n",
                ExperimentText.set(edited, "training.batch_size", 8L));
        String nested = ExperimentText.set("name: x\n", "optimizers.decoder.id", "adam");
        assertEquals("name: x\noptimizers: {decoder: {id: adam}}\n", nested);
        assertEquals("name: x\noptimizers: {decoder: {id: adam, learning_rate: 0.01}}\n",
                ExperimentText.set(nested, "optimizers.decoder.learning_rate", 0.01));
        assertEquals("a: [[1], [2, 3]]\n", ExperimentText.addItem("a: [[1], [2]]\n", "a[1]", "3"));
    }

    @Test
    void textThatYamlWouldReadOtherwiseIsQuoted() {
        assertEquals("relu", ExperimentText.literal("relu"));
        assertEquals("\"yes\"", ExperimentText.literal("yes"));
        assertEquals("\"a: b # c\"", ExperimentText.literal("a: b # c"));
        assertEquals("[3, 3]", ExperimentText.literal(List.of(3L, 3L)));
        String named = ExperimentText.set(VAE, "name", "my run: 2");
        assertEquals("my run: 2", path(named, "name"));
    }

    @Test
    void layersAreAddedRemovedAndReorderedAsWholeItems() {
        String added = ExperimentText.addItem(VAE, "model.encoder", "dense: {units: 64, activation: tanh}");
        assertEquals(VAE.replace("""
                    - dense: {units: 400, activation: relu}
                  decoder:
                """, """
                    - dense: {units: 400, activation: relu}
                    - dense: {units: 64, activation: tanh}
                  decoder:
                """), added);
        assertEquals(VAE, ExperimentText.removeItem(added, "model.encoder", 1));

        String moved = ExperimentText.moveItem(VAE, "model.decoder", 1, true);
        assertEquals(VAE.replace("""
                    - dense: {units: 400, activation: relu}
                    # the output layer
                    - dense: {units: 784, activation: sigmoid}
                """, """
                    # the output layer
                    - dense: {units: 784, activation: sigmoid}
                    - dense: {units: 400, activation: relu}
                """), moved);
        assertEquals(VAE, ExperimentText.moveItem(moved, "model.decoder", 0, false));
        assertEquals(VAE, ExperimentText.moveItem(VAE, "model.decoder", 0, true), "the first item cannot go up");

        String last = "a:\n  - x: {}\n  - y: {}";
        assertEquals("a:\n  - y: {}\n  - x: {}\n", ExperimentText.moveItem(last, "a", 1, true));
    }

    @Test
    void aMissingListIsCreatedOneItemALineInABlockMapping() {
        String stack = ExperimentText.addItem(VAE, "model.generator", "dense: {units: 64}");
        assertEquals(VAE.replace("""
                    - dense: {units: 784, activation: sigmoid}
                """, """
                    - dense: {units: 784, activation: sigmoid}
                  generator:
                    - dense: {units: 64}
                """), stack);
        assertEquals("a: {b: [{dense: {}}]}\n", ExperimentText.addItem("a: {}\n", "a.b", "dense: {}"));
        String augmented = ExperimentText.set(ExperimentText.addItem(VAE, "augmentations", "id: shift"),
                "augmentations[0].max_pixels", 3L);
        assertEquals(VAE + "augmentations:\n  - id: shift\n    max_pixels: 3\n", augmented);
        assertEquals(VAE + "augmentations: []\n", ExperimentText.removeItem(augmented, "augmentations", 0),
                "without its last item the list stays a list");
    }

    @Test
    void flowListsTakeAndLoseItems() {
        String one = ExperimentText.setLiteral(VAE, "augmentations", "[{id: shift}]");
        assertEquals(VAE + "augmentations: [{id: shift}]\n", one);
        String two = ExperimentText.addItem(one, "augmentations", "id: noise");
        assertEquals(VAE + "augmentations: [{id: shift}, {id: noise}]\n", two);
        String param = ExperimentText.set(two, "augmentations[1].std", 0.3);
        assertEquals(VAE + "augmentations: [{id: shift}, {id: noise, std: 0.3}]\n", param);
        assertEquals(VAE + "augmentations: [{id: noise, std: 0.3}]\n", ExperimentText.removeItem(param, "augmentations", 0));
        assertEquals(VAE + "augmentations: [{id: shift}]\n", ExperimentText.removeItem(param, "augmentations", 1));
        assertEquals(VAE + "augmentations: []\n", ExperimentText.removeItem(one, "augmentations", 0));
        assertEquals(VAE + "augmentations: [{id: flip}]\n",
                ExperimentText.addItem(VAE + "augmentations: []\n", "augmentations", "id: flip"));
    }

    @Test
    void editsThatTheTextCannotTakeSayWhy() {
        assertThrows(IllegalArgumentException.class, () -> ExperimentText.set("a: [1, 2", "a", 3L));
        IllegalArgumentException notAList = assertThrows(IllegalArgumentException.class,
                () -> ExperimentText.addItem(VAE, "model.latent_dim", "x: {}"));
        assertEquals("'model.latent_dim' is not a list", notAList.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExperimentText.set(VAE, "seed.value", 1L));
    }

    @Test
    void aFieldPathReadsTheValuesItNames() {
        Object values = ExperimentText.values(VAE).orElseThrow();
        assertEquals(784L, ExperimentText.at(values, "model.decoder[1].dense.units"));
        assertEquals("adam", ExperimentText.at(values, "optimizer.id"));
        assertEquals(null, ExperimentText.at(values, "model.decoder[5].dense.units"));
        assertEquals(null, ExperimentText.at(values, "seed.value"));
    }

    private static Object path(String text, String... keys) {
        Object node = ExperimentText.values(text).orElseThrow();
        for (String key : keys) {
            node = ((Map<?, ?>) node).get(key);
        }
        return node;
    }
}
