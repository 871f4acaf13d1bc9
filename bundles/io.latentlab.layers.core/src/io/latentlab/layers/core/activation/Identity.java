package io.latentlab.layers.core.activation;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.ActivationFactory;
import io.latentlab.core.onnx.OnnxGraph;

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
    protected void apply(INDArray x, INDArray y, Parameters parameters) {
        y.assign(x);
    }

    @Override
    protected void backward(INDArray x, INDArray y, INDArray gradient, INDArray dx, Parameters parameters) {
        dx.assign(gradient);
    }

    @Override
    protected String toOnnx(OnnxGraph graph, String input, Parameters parameters) {
        return input;
    }
}
