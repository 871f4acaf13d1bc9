package io.latentlab.layers.core.activation;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.ActivationFactory;

/** Sigmoid activation: f(x) = 1 / (1 + exp(-x)), in (0, 1). */
@Component(service = ActivationFactory.class)
public final class Sigmoid extends ElementwiseActivation {

    /** Contribution id. */
    public static final String ID = "sigmoid";

    /** Creates the contribution. */
    public Sigmoid() {
        super(ID, "Sigmoid", "f(x) = 1 / (1 + exp(-x)), in (0, 1).", ParameterSchema.EMPTY);
    }

    @Override
    protected INDArray apply(INDArray x, Parameters parameters) {
        return Transforms.sigmoid(x, true);
    }

    @Override
    protected INDArray backward(INDArray x, INDArray y, INDArray gradient, Parameters parameters) {
        return gradient.mul(y).muli(y.rsub(1));
    }
}
