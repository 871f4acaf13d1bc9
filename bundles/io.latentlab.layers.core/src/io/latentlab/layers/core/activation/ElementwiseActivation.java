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
     * @param x the input (do not modify)
     * @param parameters resolved parameters
     * @return f(x), a new array
     */
    protected abstract INDArray apply(INDArray x, Parameters parameters);

    /**
     * @param x the input of the forward pass
     * @param y its output f(x)
     * @param gradient dLoss/dy
     * @param parameters resolved parameters
     * @return dLoss/dx
     */
    protected abstract INDArray backward(INDArray x, INDArray y, INDArray gradient, Parameters parameters);

    @Override
    public Layer create(Parameters parameters) {
        return new Layer() {
            private INDArray input;
            private INDArray output;

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
                output = apply(input, parameters);
                return output;
            }

            @Override
            public List<INDArray> backward(INDArray outputGradient, LayerContext context) {
                return List.of(ElementwiseActivation.this.backward(input, output, outputGradient, parameters));
            }
        };
    }
}
