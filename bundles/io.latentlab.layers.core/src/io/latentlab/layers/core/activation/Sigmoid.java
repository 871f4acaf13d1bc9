package io.latentlab.layers.core.activation;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
    protected void apply(INDArray x, INDArray y, Parameters parameters) {
        Nd4j.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid(x, y));
    }

    @Override
    protected void backward(INDArray x, INDArray y, INDArray gradient, INDArray dx, Parameters parameters) {
        // dy/dx = y (1 - y)
        dx.assign(y).rsubi(1).muli(y).muli(gradient);
    }
}
