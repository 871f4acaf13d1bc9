package io.latentlab.layers.core.activation;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.ActivationFactory;

/** Identity activation: f(x) = x. */
@Component(service = ActivationFactory.class)
public final class Identity extends ElementwiseActivation {

    /** Contribution id. */
    public static final String ID = "identity";

    /** Creates the contribution. */
    public Identity() {
        super(ID, "Identity", "f(x) = x.", ParameterSchema.EMPTY);
    }

    @Override
    protected INDArray apply(INDArray x, Parameters parameters) {
        return x;
    }

    @Override
    protected INDArray backward(INDArray x, INDArray y, INDArray gradient, Parameters parameters) {
        return gradient;
    }
}
