package io.latentlab.layers.core.activation;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.ActivationFactory;

/** ReLU activation: f(x) = max(0, x). */
@Component(service = ActivationFactory.class)
public final class Relu extends ElementwiseActivation {

    /** Contribution id. */
    public static final String ID = "relu";

    /** Creates the contribution. */
    public Relu() {
        super(ID, "ReLU", "f(x) = max(0, x).", ParameterSchema.EMPTY);
    }

    @Override
    protected INDArray apply(INDArray x, Parameters parameters) {
        return Transforms.relu(x, true);
    }

    @Override
    protected INDArray backward(INDArray x, INDArray y, INDArray gradient, Parameters parameters) {
        return gradient.mul(x.gt(0).castTo(x.dataType()));
    }
}
