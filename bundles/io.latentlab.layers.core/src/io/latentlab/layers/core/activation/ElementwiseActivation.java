package io.latentlab.layers.core.activation;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.ActivationFactory;
import io.latentlab.core.layer.Layer;
import io.latentlab.core.layer.LayerContext;
import io.latentlab.core.layer.ParameterDeclarations;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.layer.ShapeException;
import io.latentlab.core.onnx.OnnxExportException;
import io.latentlab.core.onnx.OnnxExportable;
import io.latentlab.core.onnx.OnnxGraph;

/** An activation without parameters applied to each value: subclasses give f and its derivative. */
public abstract class ElementwiseActivation extends AbstractContribution implements ActivationFactory {

    /**
     * @param id the stable id
     * @param name the human name
     * @param doc one line
     * @param schema its parameters
     */
    protected ElementwiseActivation(String id, String name, String doc, ParameterSchema schema) {
        super(id, name, doc, schema);
    }

    /**
     * @param id the stable id
     * @param name the human name
     * @param doc one line
     * @param settings the settings record declaring its parameters ({@link io.latentlab.core.Setting}); read them
     *        in {@link #apply} and {@link #backward} with {@code parameters.as(...)}
     */
    protected ElementwiseActivation(String id, String name, String doc, Class<? extends Record> settings) {
        super(id, name, doc, settings);
    }

    /**
     * Computes f(x) into {@code y}.
     *
     * @param x the input (do not modify)
     * @param y where to write f(x); same shape as x
     * @param parameters resolved parameters
     */
    protected abstract void apply(INDArray x, INDArray y, Parameters parameters);

    /**
     * Computes dLoss/dx into {@code dx}.
     *
     * @param x the input of the forward pass
     * @param y its output f(x)
     * @param gradient dLoss/dy (do not modify)
     * @param dx where to write dLoss/dx; same shape as x
     * @param parameters resolved parameters
     */
    protected abstract void backward(INDArray x, INDArray y, INDArray gradient, INDArray dx, Parameters parameters);

    /**
     * Writes f as ONNX operators, for export. Without it (the default), exporting a network that
     * uses this activation fails with a message naming it and its bundle.
     *
     * @param graph where to add operators
     * @param input the ONNX value name of x
     * @param parameters resolved parameters
     * @return the ONNX value name of f(x), or {@code null} if this activation has no ONNX mapping
     */
    protected String toOnnx(OnnxGraph graph, String input, Parameters parameters) {
        return null;
    }

    @Override
    public Layer create(Parameters parameters) {
        return new ElementwiseLayer(parameters);
    }

    /** The activation in a network; exportable as ONNX when the activation overrides {@link ElementwiseActivation#toOnnx}. */
    private final class ElementwiseLayer implements Layer, OnnxExportable {

        private final Parameters parameters;
        private INDArray input;
        private INDArray output;

        ElementwiseLayer(Parameters parameters) {
            this.parameters = parameters;
        }

        @Override
        public Shape build(List<Shape> inputShapes, ParameterDeclarations declarations) {
            if (inputShapes.size() != 1) {
                throw new ShapeException("one input", inputShapes);
            }
            return inputShapes.get(0);
        }

        @Override
        public INDArray forward(List<INDArray> inputs, LayerContext context) {
            input = inputs.get(0);
            output = context.buffer("output", input.shape());
            apply(input, output, parameters);
            return output;
        }

        @Override
        public List<INDArray> backward(INDArray outputGradient, LayerContext context) {
            INDArray inputGradient = context.buffer("input_gradient", input.shape());
            ElementwiseActivation.this.backward(input, output, outputGradient, inputGradient, parameters);
            return List.of(inputGradient);
        }

        @Override
        public String toOnnx(OnnxGraph graph, List<String> inputs, List<Shape> inputShapes) {
            String value = ElementwiseActivation.this.toOnnx(graph, inputs.get(0), parameters);
            if (value == null) {
                throw new OnnxExportException("has no ONNX mapping; its bundle can add one by overriding"
                        + " ElementwiseActivation.toOnnx (docs/plugins.md)");
            }
            return value;
        }
    }
}
