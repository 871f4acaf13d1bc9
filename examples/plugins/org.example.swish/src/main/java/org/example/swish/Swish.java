package org.example.swish;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.ActivationFactory;
import io.latentlab.core.onnx.OnnxGraph;
import io.latentlab.layers.core.activation.ElementwiseActivation;

/** Swish (SiLU), f(x) = x * sigmoid(x): smooth, non-monotonic, unbounded above. */
@Component(service = ActivationFactory.class)
public final class Swish extends ElementwiseActivation {

    /** Creates the contribution (DS calls this). */
    public Swish() {
        super("swish", "Swish (SiLU)", "f(x) = x * sigmoid(x).", ParameterSchema.EMPTY);
    }

    @Override
    protected void apply(INDArray x, INDArray y, Parameters parameters) {
        y.assign(Transforms.sigmoid(x, true).muli(x));
    }

    @Override
    protected void backward(INDArray x, INDArray y, INDArray gradient, INDArray dx, Parameters parameters) {
        INDArray s = Transforms.sigmoid(x, true); // f'(x) = s + x s (1 - s)
        dx.assign(s.mul(x).muli(s.rsub(1)).addi(s).muli(gradient));
    }

    /** For ONNX export: x * Sigmoid(x) (ONNX has no Swish operator at opset 17). */
    @Override
    protected String toOnnx(OnnxGraph graph, String x, Parameters parameters) {
        return graph.operator("Mul", x, graph.operator("Sigmoid", x));
    }
}
