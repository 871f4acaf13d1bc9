package @@PACKAGE@@;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.ActivationFactory;
import io.latentlab.layers.core.activation.ElementwiseActivation;

/**
 * @@NAME@@: f(x) = x * sigmoid(beta * x) (Swish; SiLU at beta = 1). Write your own function in
 * {@link #apply} and its derivative in {@link #backward}; the tests check one against the other.
 */
@Component(service = ActivationFactory.class)
public final class @@CLASS@@ extends ElementwiseActivation {

    /** The id experiments write: {@code activation: @@ID@@}, or a layer {@code - @@ID@@: {}}. */
    public static final String ID = "@@ID@@";

    /** Creates the contribution (Declarative Services calls this). */
    public @@CLASS@@() {
        super(ID, "@@NAME@@", "f(x) = x * sigmoid(beta * x).", ParameterSchema.builder()
                .number("beta", 1.0, 0.0, 100.0, "", "steepness of the gate; 1 gives SiLU").build());
    }

    @Override
    protected void apply(INDArray x, INDArray y, Parameters parameters) {
        double beta = parameters.getDouble("beta");
        y.assign(Transforms.sigmoid(x.mul(beta), false).muli(x));
    }

    @Override
    protected void backward(INDArray x, INDArray y, INDArray gradient, INDArray dx, Parameters parameters) {
        double beta = parameters.getDouble("beta");
        INDArray s = Transforms.sigmoid(x.mul(beta), false); // f'(x) = s + beta x s (1 - s)
        dx.assign(s.mul(x).muli(s.rsub(1)).muli(beta).addi(s).muli(gradient));
    }
}
