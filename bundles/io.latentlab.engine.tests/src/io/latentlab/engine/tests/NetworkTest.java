package io.latentlab.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ContributionKind;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.ContributionTable;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.RegisteredContribution;
import io.latentlab.core.layer.Layer;
import io.latentlab.core.layer.LayerContext;
import io.latentlab.core.layer.LayerFactory;
import io.latentlab.core.layer.ParameterDeclarations;
import io.latentlab.core.layer.Shape;
import io.latentlab.engine.Network;
import io.latentlab.engine.NetworkBuildException;
import io.latentlab.engine.NetworkSpec;
import io.latentlab.engine.NodeSpec;
import io.latentlab.layers.core.Add;
import io.latentlab.layers.core.Concat;
import io.latentlab.layers.core.Conv2D;
import io.latentlab.layers.core.Dense;
import io.latentlab.layers.core.Flatten;
import io.latentlab.layers.core.activation.Relu;
import io.latentlab.nd4j.Nd4jRuntime;

/** Building networks: graphs with skips, clear errors for misspelt ids, bad parameters and shape mismatches. */
class NetworkTest {

    private static final ContributionRegistry REGISTRY = ContributionRegistry.of(new Dense(), new Conv2D(), new Flatten(),
            new Concat(), new Add(), new Relu());

    /**
     * The gradient of a whole graph against finite differences: activated convolutions whose
     * input and output shapes agree (their buffers must not alias the activation's), and a node
     * read by two others (gradients add up).
     */
    @Test
    void aGraphsParameterGradientsMatchFiniteDifferences() {
        NetworkSpec spec = new NetworkSpec(Map.of("image", Shape.of(2, 4, 4)), List.of(
                new NodeSpec("c1", "conv2d", Map.of("filters", 2, "activation", "relu"), List.of("image")),
                new NodeSpec("c2", "conv2d", Map.of("filters", 2, "activation", "relu"), List.of("c1")),
                new NodeSpec("skip", "concat", Map.of(), List.of("c2", "c1")),
                new NodeSpec("out", "conv2d", Map.of("filters", 1, "kernel", 1), List.of("skip"))), List.of("out"));
        Network network = Network.build(spec, REGISTRY, DataType.DOUBLE, 5);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 2, 4, 4);
        INDArray weights = Nd4j.rand(DataType.DOUBLE, 3, 1, 4, 4).subi(0.5); // loss = sum(out * weights)
        network.forward(Map.of("image", x), true);
        network.backward(Map.of("out", weights));
        INDArray analytic = network.gradients().dup();
        INDArray parameters = network.parameters();
        for (long i = 0; i < parameters.length(); i++) {
            double value = parameters.getDouble(i);
            parameters.putScalar(i, value + 1e-6);
            double plus = network.forward(Map.of("image", x), true).get(0).mul(weights).sumNumber().doubleValue();
            parameters.putScalar(i, value - 1e-6);
            double minus = network.forward(Map.of("image", x), true).get(0).mul(weights).sumNumber().doubleValue();
            parameters.putScalar(i, value);
            double numeric = (plus - minus) / 2e-6;
            assertEquals(numeric, analytic.getDouble(i), 1e-6 + 1e-6 * Math.abs(numeric), "parameter " + i);
        }
        assertTrue(analytic.getDouble(0) != 0, "the first layer receives a gradient");
    }

    @Test
    void aSkipConnectionGraphBuildsWithShapesAndParameterCounts() {
        NetworkSpec spec = new NetworkSpec(Map.of("image", Shape.of(1, 8, 8)), List.of(
                new NodeSpec("c1", "conv2d", Map.of("filters", 4), List.of("image")),
                new NodeSpec("c2", "conv2d", Map.of("filters", 4, "activation", "relu"), List.of("c1")),
                new NodeSpec("skip", "concat", Map.of(), List.of("c1", "c2")),
                new NodeSpec("sum", "add", Map.of(), List.of("c2", "c1")),
                new NodeSpec("flat", "flatten", Map.of(), List.of("skip")),
                new NodeSpec("out", "dense", Map.of("units", 3), List.of("flat"))), List.of("out", "sum"));
        Network network = Network.build(spec, REGISTRY, DataType.FLOAT, 1);
        network.forward(Map.of("image", Nd4j.rand(DataType.FLOAT, 2, 1, 8, 8)), true);
        network.backward(Map.of("out", Nd4j.ones(DataType.FLOAT, 2, 3), "sum", Nd4j.ones(DataType.FLOAT, 2, 4, 8, 8)));
        assertEquals(null, network.inputGradient("image"), "the data's gradient is not computed unless asked for");
        network.computeInputGradients(true);
        assertEquals(Shape.of(8, 8, 8), network.nodes().get(2).outputShape());
        assertEquals(9 * 1 * 4 + 4, network.nodes().get(0).parameterCount());
        assertEquals(512 * 3 + 3, network.nodes().get(5).parameterCount());
        List<INDArray> outputs = network.forward(Map.of("image", Nd4j.rand(DataType.FLOAT, 2, 1, 8, 8)), true);
        assertEquals(List.of(2L, 3L), List.of(outputs.get(0).size(0), outputs.get(0).size(1)));
        network.backward(Map.of("out", Nd4j.ones(DataType.FLOAT, 2, 3), "sum", Nd4j.ones(DataType.FLOAT, 2, 4, 8, 8)));
        assertEquals(List.of(2L, 1L, 8L, 8L), List.of(network.inputGradient("image").shape()[0],
                network.inputGradient("image").shape()[1], 8L, 8L));
    }

    @Test
    void aMisspeltLayerIdSuggestsTheClosestAndListsTheInstalledOnes() {
        NetworkBuildException e = assertThrows(NetworkBuildException.class, () -> Network.build(NetworkSpec.sequential(
                Shape.of(4), List.of(NetworkSpec.layer("hidden", "desne", "units", 3))), REGISTRY, DataType.FLOAT, 1));
        assertEquals("hidden", e.node());
        assertTrue(e.getMessage().contains("unknown layer 'desne'; did you mean 'dense'?"), e.getMessage());
        assertTrue(e.getMessage().contains("Installed: add, concat, conv2d, dense, flatten, relu"), e.getMessage());
    }

    @Test
    void aShapeMismatchNamesTheLayerAndBothShapes() {
        NetworkBuildException e = assertThrows(NetworkBuildException.class, () -> Network.build(NetworkSpec.sequential(
                Shape.of(16), List.of(NetworkSpec.layer("features", "conv2d", "filters", 3))), REGISTRY, DataType.FLOAT, 1));
        assertTrue(e.getMessage().contains("layer 'features' (conv2d): expected an image [channels, height, width], received [16]"),
                e.getMessage());
    }

    @Test
    void badParametersAreReportedTogetherWithTheLayerName() {
        NetworkBuildException e = assertThrows(NetworkBuildException.class, () -> Network.build(NetworkSpec.sequential(
                Shape.of(4), List.of(NetworkSpec.layer("hidden", "dense", "units", 0, "use_bais", true))), REGISTRY,
                DataType.FLOAT, 1));
        assertTrue(e.getMessage().contains("layer 'hidden' (dense)"), e.getMessage());
        assertTrue(e.getMessage().contains("'units' must be an integer in [1, 16777216], not 0"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown parameter 'use_bais'; did you mean 'use_bias'?"), e.getMessage());
    }

    @Test
    void sharedWeightsAreOneParameterWhoseGradientSumsBothUses() {
        NetworkSpec spec = new NetworkSpec(Map.of("a", Shape.of(3), "b", Shape.of(3)), List.of(
                new NodeSpec("left", "dense", Map.of("units", 2, "activation", "relu"), List.of("a")),
                new NodeSpec("right", "dense", Map.of("units", 2, "activation", "relu"), List.of("b"), "left"),
                new NodeSpec("sum", "add", Map.of(), List.of("left", "right"))), List.of("sum"));
        Network network = Network.build(spec, REGISTRY, DataType.DOUBLE, 3);
        assertEquals(3 * 2 + 2, network.store().trainableCount(), "the right branch adds no parameters");
        INDArray a = Nd4j.createFromArray(new double[][] {{0.5, -1, 2}, {1, 0.25, -0.5}});
        INDArray b = Nd4j.createFromArray(new double[][] {{-0.3, 0.8, 1.5}, {2, -1, 0.1}});
        INDArray probe = Nd4j.createFromArray(new double[][] {{1, -2}, {0.5, 3}});
        DoubleSupplier objective = () -> network.forward(Map.of("a", a, "b", b), true).get(0).mul(probe)
                .sumNumber().doubleValue();
        objective.getAsDouble();
        network.backward(probe);
        INDArray analytic = network.gradients().dup();
        INDArray flat = network.parameters();
        for (int i = 0; i < flat.length(); i++) {
            double original = flat.getDouble(0, i);
            flat.putScalar(0, i, original + 1e-6);
            double plus = objective.getAsDouble();
            flat.putScalar(0, i, original - 1e-6);
            double minus = objective.getAsDouble();
            flat.putScalar(0, i, original);
            assertEquals((plus - minus) / 2e-6, analytic.getDouble(0, i), 1e-6, "parameter " + i);
        }
    }

    @Test
    void sharingWithALayerOfAnotherShapeIsRefusedWithBothShapes() {
        NetworkSpec spec = new NetworkSpec(Map.of("a", Shape.of(3), "b", Shape.of(4)), List.of(
                new NodeSpec("left", "dense", Map.of("units", 2), List.of("a")),
                new NodeSpec("right", "dense", Map.of("units", 2), List.of("b"), "left")), List.of("left", "right"));
        NetworkBuildException e = assertThrows(NetworkBuildException.class,
                () -> Network.build(spec, REGISTRY, DataType.FLOAT, 1));
        assertTrue(e.getMessage().contains("layer 'right' shares parameters with 'left' but declares [W[4, 2], b[1, 2]]"
                + " where 'left' has [W[3, 2], b[1, 2]]"), e.getMessage());
    }

    /** A plugin's layer that misbehaves in one way: throws in forward or backward, or returns the wrong shape. */
    private static final class FaultyLayer extends AbstractContribution implements LayerFactory {

        private final String fault;

        FaultyLayer(String fault) {
            super("faulty", "Faulty", "misbehaves", ParameterSchema.EMPTY);
            this.fault = fault;
        }

        @Override
        public Layer create(Parameters parameters) {
            return new Layer() {
                @Override
                public Shape build(List<Shape> inputShapes, ParameterDeclarations declarations) {
                    return inputShapes.get(0);
                }

                @Override
                public INDArray forward(List<INDArray> inputs, LayerContext context) {
                    return switch (fault) {
                        case "forward throws" -> throw new ArithmeticException("division by zero in the plugin");
                        case "wrong output shape" -> Nd4j.zeros(inputs.get(0).dataType(), inputs.get(0).size(0), 5);
                        default -> inputs.get(0).dup();
                    };
                }

                @Override
                public List<INDArray> backward(INDArray outputGradient, LayerContext context) {
                    return switch (fault) {
                        case "backward throws" -> throw new IllegalStateException("not implemented yet");
                        case "wrong gradient shape" -> List.of(Nd4j.zeros(outputGradient.dataType(), 2, 2));
                        default -> List.of(outputGradient.dup());
                    };
                }
            };
        }
    }

    /** Each misbehaviour stops the step with the node, the layer id and its bundle named, not an ND4J error downstream. */
    @Test
    void aMisbehavingPluginLayerIsNamedWithItsBundle() {
        Nd4jRuntime.initialize();
        Map<String, String> expected = Map.of(
                "forward throws", "failed: java.lang.ArithmeticException: division by zero in the plugin in forward",
                "wrong output shape", "returned an output of shape [4, 5] but declared [3] per example (batch 4) in forward",
                "backward throws", "failed: java.lang.IllegalStateException: not implemented yet in backward",
                "wrong gradient shape", "returned the gradient of input 0 of shape [2, 2] but declared [3] per example (batch 4)"
                        + " in backward");
        expected.forEach((fault, message) -> {
            ContributionTable registry = new ContributionTable();
            registry.add(new RegisteredContribution<>(new Dense(), ContributionKind.LAYER, "io.latentlab.layers.core", "0.1.0"));
            registry.add(new RegisteredContribution<>(new FaultyLayer(fault), ContributionKind.LAYER, "org.example.faulty",
                    "1.2.0"));
            Network network = Network.build(NetworkSpec.sequential(Shape.of(3), List.of(
                    NetworkSpec.layer("hidden", "dense", "units", 3), NetworkSpec.layer("odd", "faulty"))), registry,
                    DataType.FLOAT, 1);
            network.computeInputGradients(true);
            RuntimeException e = assertThrows(RuntimeException.class, () -> {
                INDArray output = network.forward(Nd4j.rand(DataType.FLOAT, 4, 3), true);
                network.backward(output);
            }, fault);
            assertEquals("layer 'odd' (faulty from org.example.faulty 1.2.0) " + message, e.getMessage(), fault);
        });
    }
}
