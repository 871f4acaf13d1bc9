package io.latentlab.engine;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.core.layer.Initializer;
import io.latentlab.core.layer.Layer;
import io.latentlab.core.layer.LayerContext;
import io.latentlab.core.layer.ParameterBinding;
import io.latentlab.core.layer.ParameterDeclarations;
import io.latentlab.core.layer.Shape;

/**
 * A layer followed by its {@code activation} parameter, as one node: readers see the activated
 * output, and the activation's own parameters (a PReLU slope) are named {@code activation/<name>}.
 */
final class ActivatedLayer implements Layer {

    private static final String PREFIX = "activation/";

    private final Layer layer;
    private final Layer activation;

    ActivatedLayer(Layer layer, Layer activation) {
        this.layer = layer;
        this.activation = activation;
    }

    @Override
    public Shape build(List<Shape> inputShapes, ParameterDeclarations declarations) {
        Shape output = layer.build(inputShapes, declarations);
        return activation.build(List.of(output), new ParameterDeclarations() {
            @Override
            public void weight(String name, long[] shape, Initializer initializer, long fanIn, long fanOut) {
                declarations.weight(PREFIX + name, shape, initializer, fanIn, fanOut);
            }

            @Override
            public void weight(String name, long[] shape, double value) {
                declarations.weight(PREFIX + name, shape, value);
            }

            @Override
            public void state(String name, long[] shape, double value) {
                declarations.state(PREFIX + name, shape, value);
            }
        });
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
        return activation.forward(List.of(layer.forward(inputs, context)), new ActivationContext(context));
    }

    @Override
    public List<INDArray> backward(INDArray outputGradient, LayerContext context) {
        return layer.backward(activation.backward(outputGradient, new ActivationContext(context)).get(0), context);
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
        public org.nd4j.linalg.api.rng.Random random() {
            return node.random();
        }

        @Override
        public org.nd4j.linalg.api.buffer.DataType dataType() {
            return node.dataType();
        }

        @Override
        public INDArray buffer(String name, long... shape) {
            return node.buffer(PREFIX + name, shape);
        }
    }
}
