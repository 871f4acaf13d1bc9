package io.latentlab.experiments.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.Parameters;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.models.vae.Vae;
import io.latentlab.optimizers.core.Sgd;

/**
 * The VAE's whole gradient, through the reparameterisation z = mu + eps * sigma and the KL term,
 * against float64 finite differences of its negative ELBO with the noise held fixed. With SGD at
 * learning rate 1, one step moves each parameter by minus its gradient.
 */
class VaeGradientTest {

    @Test
    void reparameterisedGradientMatchesFiniteDifferences() {
        io.latentlab.nd4j.Nd4jRuntime.initialize();
        Vae vae = new Vae();
        Sgd sgd = new Sgd();
        ModelSetup.OptimizerChoice plain = new ModelSetup.OptimizerChoice("sgd",
                Parameters.of(sgd.schema(), Map.of("learning_rate", 1.0)));
        ModelSetup setup = new ModelSetup(Parameters.of(vae.schema(), Map.of("latent_dim", 3)),
                Map.of("encoder", List.of(new LayerEntry("e1", "dense", Map.of("units", 5, "activation", "sigmoid"))),
                        "decoder", List.of(new LayerEntry("d1", "dense", Map.of("units", 4, "activation", "sigmoid")),
                                new LayerEntry("d2", "dense", Map.of("units", 6, "activation", "sigmoid")))),
                Map.of(ModelFactory.DEFAULT_OPTIMIZER, plain), Shape.of(6), 0, Fixtures.REGISTRY, DataType.DOUBLE, 11, 1);
        Model model = vae.create(setup);
        SplittableRandom random = new SplittableRandom(4);
        double[][] rows = new double[3][6];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextDouble();
            }
        }
        INDArray x = Nd4j.createFromArray(rows);

        Map<String, INDArray> start = copy(model.state());
        model.trainStep(x, null, 1, 1);
        for (String network : List.of("encoder/", "decoder/")) {
            INDArray before = start.get(network + "parameters");
            INDArray gradient = before.sub(model.state().get(network + "parameters")); // SGD, rate 1
            for (long i = 0; i < before.length(); i += 3) {
                double numeric = (loss(model, start, network, i, 1e-6, x) - loss(model, start, network, i, -1e-6, x)) / 2e-6;
                assertEquals(numeric, gradient.getDouble(i), 1e-6 + 1e-5 * Math.abs(numeric), network + "parameter " + i);
            }
        }
    }

    /** The loss of one step from the starting state with one parameter moved (same noise: the RNG state is restored). */
    private static double loss(Model model, Map<String, INDArray> start, String network, long index, double delta,
            INDArray x) {
        Map<String, INDArray> moved = copy(start);
        INDArray parameters = moved.get(network + "parameters");
        parameters.putScalar(index, parameters.getDouble(index) + delta);
        model.restore(moved);
        return model.trainStep(x, null, 1, 1).get("loss");
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> state) {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        state.forEach((name, array) -> copy.put(name, array.dup()));
        return copy;
    }
}
