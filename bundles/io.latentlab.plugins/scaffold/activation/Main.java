package @@PACKAGE@@;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
import io.latentlab.core.layer.ActivationFactory;
import io.latentlab.core.onnx.OnnxGraph;
import io.latentlab.layers.core.activation.ElementwiseActivation;

/**
 * @@NAME@@: f(x) = x * sigmoid(beta * x) (Swish; SiLU at beta = 1). Write your own function in
 * {@link #apply} and its derivative in {@link #backward}; the tests check one against the other.
 * {@link #toOnnx} writes f as ONNX operators, for {@code latentlab export RUN --format onnx}.
 */
@Component(service = ActivationFactory.class)
public final class @@CLASS@@ extends ElementwiseActivation {

    /** The id experiments write: {@code activation: @@ID@@}, or a layer {@code - @@ID@@: {}}. */
    public static final String ID = "@@ID@@";

    /** Creates the contribution (Declarative Services calls this). */
    public @@CLASS@@() {
        super(ID, "@@NAME@@", "f(x) = x * sigmoid(beta * x).", Settings.class);
    }

    /**
     * The parameters, declared once: each component is one (its name in snake case), with its doc,
     * default and range; experiments, forms and {@code latentlab info} get them from here.
     */
    record Settings(@Setting(doc = "steepness of the gate; 1 gives SiLU", defaultValue = "1", min = 0, max = 100) double beta) {
    }

    @Override
    protected void apply(INDArray x, INDArray y, Parameters parameters) {
        double beta = parameters.as(Settings.class).beta();
        y.assign(Transforms.sigmoid(x.mul(beta), false).muli(x));
    }

    @Override
    protected void backward(INDArray x, INDArray y, INDArray gradient, INDArray dx, Parameters parameters) {
        double beta = parameters.as(Settings.class).beta();
        INDArray s = Transforms.sigmoid(x.mul(beta), false); // f'(x) = s + beta x s (1 - s)
        dx.assign(s.mul(x).muli(s.rsub(1)).muli(beta).addi(s).muli(gradient));
    }

    @Override
    protected String toOnnx(OnnxGraph graph, String x, Parameters parameters) {
        String beta = graph.constant("beta", Nd4j.scalar((float) parameters.as(Settings.class).beta()));
        return graph.operator("Mul", x, graph.operator("Sigmoid", graph.operator("Mul", x, beta)));
    }
}
