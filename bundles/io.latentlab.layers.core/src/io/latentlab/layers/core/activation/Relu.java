package io.latentlab.layers.core.activation;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.factory.Nd4j;
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
    protected void apply(INDArray x, INDArray y, Parameters parameters) {
        Nd4j.exec(new RectifiedLinear(x, y, 0.0));
    }

    @Override
    protected void backward(INDArray x, INDArray y, INDArray gradient, INDArray dx, Parameters parameters) {
        Nd4j.exec(DynamicCustomOp.builder("relu_bp").addInputs(x, gradient).addOutputs(dx)
                .addFloatingPointArguments(0.0).build());
    }
}
