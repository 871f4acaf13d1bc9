package io.latentlab.layers.core.activation;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.ActivationFactory;

/** Tanh activation: f(x) = tanh(x), in (-1, 1). */
@Component(service = ActivationFactory.class)
public final class Tanh extends ElementwiseActivation {

    /** Contribution id. */
    public static final String ID = "tanh";

    /** Creates the contribution. */
    public Tanh() {
        super(ID, "Tanh", "f(x) = tanh(x), in (-1, 1).", ParameterSchema.EMPTY);
    }

    @Override
    protected INDArray apply(INDArray x, Parameters parameters) {
        return Transforms.tanh(x, true);
    }

    @Override
    protected INDArray backward(INDArray x, INDArray y, INDArray gradient, Parameters parameters) {
        return gradient.mul(y.mul(y).rsubi(1));
    }
}
