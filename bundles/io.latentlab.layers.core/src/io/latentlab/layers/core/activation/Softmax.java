package io.latentlab.layers.core.activation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.ActivationFactory;
import io.latentlab.core.onnx.OnnxGraph;

/** Softmax over the features of each example (vectors): y = exp(x) / sum(exp(x)). */
@Component(service = ActivationFactory.class)
public final class Softmax extends ElementwiseActivation {

    /** Contribution id. */
    public static final String ID = "softmax";

    /** Creates the contribution. */
    public Softmax() {
        super(ID, "Softmax", "Turns each example's scores into probabilities that sum to 1.", ParameterSchema.EMPTY);
    }

    @Override
    protected void apply(INDArray x, INDArray y, Parameters parameters) {
        if (x.rank() != 2) {
            throw new IllegalArgumentException("softmax expects vectors [batch, features], received shape "
                    + Arrays.toString(x.shape()));
        }
        y.assign(Transforms.softmax(x, true));
    }

    @Override
    protected void backward(INDArray x, INDArray y, INDArray gradient, INDArray dx, Parameters parameters) {
        // dx = y * (g - sum(g * y))
        INDArray dot = gradient.mul(y).sum(true, 1);
        dx.assign(gradient).subiColumnVector(dot).muli(y);
    }

    @Override
    protected String toOnnx(OnnxGraph graph, String input, Parameters parameters) {
        return graph.operator("Softmax", List.of(input), Map.of("axis", 1L));
    }
}
