package io.latentlab.engine;

import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

import io.latentlab.core.layer.Initializer;
import io.latentlab.core.layer.Layer;
import io.latentlab.core.layer.LayerContext;
import io.latentlab.core.layer.ParameterBinding;
import io.latentlab.core.layer.ParameterDeclarations;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.onnx.OnnxExportException;
import io.latentlab.core.onnx.OnnxExportable;
import io.latentlab.core.onnx.OnnxGraph;

/**
 * A layer followed by its {@code activation} parameter, as one node: readers see the activated
 * output, and the activation's own parameters (a PReLU slope) are named {@code activation/<name>}.
 * The activation is held to the contract layers are held to by the network: its output and
 * gradient must have the layer output's shape, and with value checks on, its values are checked
 * apart from the layer's, so a NaN it makes is blamed on it and its bundle.
 */
final class ActivatedLayer implements Layer, OnnxExportable {

    private static final String PREFIX = "activation/";

    /** Where value checks go: {@link Network#check}. */
    @FunctionalInterface
    interface ValueCheck {
        void check(INDArray array, String where, String what);
    }

    private final Layer layer;
    private final Layer activation;
    /** e.g. "activation 'swish' (swish from org.example.swish 1.0.0) attached to layer 'dec1' (dense from ...)" */
    private final String description;
    private ValueCheck check;
    /** The layer's output shape, which the activation reads. */
    private Shape layerShape;
    private String layerWhere;
    private String activationWhere;

    ActivatedLayer(Layer layer, Layer activation, String description) {
        this.layer = layer;
        this.activation = activation;
        this.description = description;
    }

    /**
     * @param valueCheck where to check values, or {@code null} to stop checking
     * @param layer names the layer in messages
     * @param network the network's name
     */
    void checkValues(ValueCheck valueCheck, String layer, String network) {
        this.check = valueCheck;
        this.layerWhere = layer;
        this.activationWhere = description + " in network '" + network + "'";
    }

    @Override
    public Shape build(List<Shape> inputShapes, ParameterDeclarations declarations) {
        Shape shape = layer.build(inputShapes, declarations);
        layerShape = shape;
        Shape activated = activation.build(List.of(shape), new ParameterDeclarations() {
            @Override
            public void weight(String name, long[] weightShape, Initializer initializer, long fanIn, long fanOut) {
                declarations.weight(PREFIX + name, weightShape, initializer, fanIn, fanOut);
            }

            @Override
            public void weight(String name, long[] weightShape, double value) {
                declarations.weight(PREFIX + name, weightShape, value);
            }

            @Override
            public void state(String name, long[] stateShape, double value) {
                declarations.state(PREFIX + name, stateShape, value);
            }
        });
        if (!shape.equals(activated)) {
            throw new IllegalArgumentException(description + " changes the shape " + shape + " to " + activated
                    + "; an activation keeps its layer's shape");
        }
        return activated;
    }

    @Override
    public void bind(ParameterBinding parameters) {
        layer.bind(parameters);
        activation.bind(new ParameterBinding() {
            @Override
            public INDArray value(String name) {
                return parameters.value(PREFIX + name);
            }

            @Override
            public INDArray gradient(String name) {
                return parameters.gradient(PREFIX + name);
            }
        });
    }

    @Override
    public INDArray forward(List<INDArray> inputs, LayerContext context) {
        INDArray output = layer.forward(inputs, context);
        if (check != null) {
            check.check(output, layerWhere, "output (before its activation)");
        }
        INDArray activated;
        try {
            activated = activation.forward(List.of(output), new ActivationContext(context));
        } catch (NonFiniteException | ContributionRemovedException | ContributionFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ContributionFailure(description + " failed in forward: " + e, e);
        }
        requireShape(activated, output, "an output", "forward");
        if (check != null) {
            check.check(activated, activationWhere, "output");
        }
        return activated;
    }

    @Override
    public List<INDArray> backward(INDArray outputGradient, LayerContext context) {
        List<INDArray> gradients;
        try {
            gradients = activation.backward(outputGradient, new ActivationContext(context));
        } catch (NonFiniteException | ContributionRemovedException | ContributionFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ContributionFailure(description + " failed in backward: " + e, e);
        }
        if (gradients == null || gradients.size() != 1) {
            throw new ContributionFailure(description + " returned " + (gradients == null ? "no list"
                    : gradients.size() + " input gradients") + " in backward, for its 1 input", null);
        }
        INDArray gradient = gradients.get(0);
        requireShape(gradient, outputGradient, "the gradient of its input", "backward");
        if (check != null) {
            check.check(gradient, activationWhere, "gradient of its input");
        }
        return layer.backward(gradient, context);
    }

    /** Messages are predicates the network prefixes with the layer's name: "has no ONNX mapping; ...". */
    @Override
    public String toOnnx(OnnxGraph graph, List<String> inputs, List<Shape> inputShapes) {
        if (!(layer instanceof OnnxExportable exportableLayer)) {
            throw new OnnxExportException("has no ONNX mapping; its bundle can add one by implementing "
                    + OnnxExportable.class.getName() + " (docs/plugins.md)");
        }
        String activationName = description.substring(0, description.indexOf(" attached to "));
        if (!(activation instanceof OnnxExportable exportableActivation)) {
            throw new OnnxExportException("has " + activationName + " attached, which has no ONNX mapping; its bundle can"
                    + " add one by implementing " + OnnxExportable.class.getName() + " (docs/plugins.md)");
        }
        String output = exportableLayer.toOnnx(graph, inputs, inputShapes);
        try {
            return exportableActivation.toOnnx(new PrefixedGraph(graph), List.of(output), List.of(layerShape));
        } catch (OnnxExportException e) {
            throw new OnnxExportException("has " + activationName + " attached, which " + e.getMessage());
        }
    }

    /** The activation's constants named {@code activation/<name>}, as its parameters are. */
    private record PrefixedGraph(OnnxGraph graph) implements OnnxGraph {

        @Override
        public String constant(String name, INDArray value) {
            return graph.constant(PREFIX + name, value);
        }

        @Override
        public String integers(String name, long... values) {
            return graph.integers(PREFIX + name, values);
        }

        @Override
        public String operator(String operator, List<String> inputs, java.util.Map<String, Object> attributes) {
            return graph.operator(operator, inputs, attributes);
        }
    }

    private void requireShape(INDArray array, INDArray like, String what, String phase) {
        if (array == null || !Arrays.equals(array.shape(), like.shape())) {
            throw new ContributionFailure(description + " returned " + (array == null ? "no " + what
                    : what + " of shape " + Arrays.toString(array.shape())) + " in " + phase + " where its layer's output"
                    + " has shape " + Arrays.toString(like.shape()), null);
        }
    }

    /**
     * The node's context with the activation's buffers kept apart from the layer's: both name
     * theirs {@code output} and {@code input_gradient}, and sharing them would let a layer
     * whose input and output shapes agree write its input gradient over the gradient it reads.
     */
    private record ActivationContext(LayerContext node) implements LayerContext {

        @Override
        public boolean training() {
            return node.training();
        }

        @Override
        public Random random() {
            return node.random();
        }

        @Override
        public DataType dataType() {
            return node.dataType();
        }

        @Override
        public INDArray buffer(String name, long... shape) {
            return node.buffer(PREFIX + name, shape);
        }
    }
}
