package io.latentlab.engine.tests;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.ActivationFactory;
import io.latentlab.core.layer.Layer;
import io.latentlab.core.layer.LayerContext;
import io.latentlab.core.layer.ParameterDeclarations;
import io.latentlab.core.layer.Shape;
import io.latentlab.layers.core.activation.ElementwiseActivation;

/** Activations as a careless plugin might write them, for the engine's diagnostics. */
final class FaultyActivations {

    private FaultyActivations() {
    }

    /** sqrt(x - 10): NaN for every input below 10, that is, always here. */
    static final class ShiftedSqrt extends ElementwiseActivation {

        static final String ID = "shifted_sqrt";

        ShiftedSqrt() {
            super(ID, "Shifted square root", "sqrt(x - 10)", ParameterSchema.EMPTY);
        }

        @Override
        protected void apply(INDArray x, INDArray y, Parameters parameters) {
            Transforms.sqrt(y.assign(x).subi(10), false);
        }

        @Override
        protected void backward(INDArray x, INDArray y, INDArray gradient, INDArray dx, Parameters parameters) {
            dx.assign(gradient).divi(y).muli(0.5);
        }
    }

    /** Returns a gradient with one value per example, whatever its input's shape. */
    static final class WrongGradientShape extends AbstractContribution implements ActivationFactory {

        static final String ID = "wrong_gradient_shape";

        WrongGradientShape() {
            super(ID, "Wrong gradient shape", "identity whose backward returns [batch, 1]", ParameterSchema.EMPTY);
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
                    return inputs.get(0).dup();
                }

                @Override
                public List<INDArray> backward(INDArray outputGradient, LayerContext context) {
                    return List.of(Nd4j.ones(outputGradient.dataType(), outputGradient.size(0), 1));
                }
            };
        }
    }
}
