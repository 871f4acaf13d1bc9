package io.latentlab.layers.core.activation;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
import io.latentlab.core.layer.ActivationFactory;
import io.latentlab.core.onnx.OnnxGraph;

/** Leaky ReLU: f(x) = x for x > 0, alpha x otherwise. */
@Component(service = ActivationFactory.class)
public final class LeakyRelu extends ElementwiseActivation {

    /** Contribution id. */
    public static final String ID = "leaky_relu";

    /** Creates the contribution. */
    public LeakyRelu() {
        super(ID, "Leaky ReLU", "f(x) = x if x > 0, else alpha * x.",
                Settings.class);
    }

    /** Leaky ReLU's settings. */
    record Settings(@Setting(doc = "slope for negative inputs", defaultValue = "0.01", min = 0, max = 1) double alpha) {
    }

    static INDArray slopes(INDArray x, double alpha) {
        INDArray positive = x.gt(0).castTo(x.dataType());
        return positive.muli(1 - alpha).addi(alpha); // 1 where x > 0, alpha elsewhere
    }

    @Override
    protected void apply(INDArray x, INDArray y, Parameters parameters) {
        y.assign(x).muli(slopes(x, parameters.as(Settings.class).alpha()));
    }

    @Override
    protected void backward(INDArray x, INDArray y, INDArray gradient, INDArray dx, Parameters parameters) {
        dx.assign(gradient).muli(slopes(x, parameters.as(Settings.class).alpha()));
    }

    @Override
    protected String toOnnx(OnnxGraph graph, String input, Parameters parameters) {
        return graph.operator("LeakyRelu", java.util.List.of(input),
                java.util.Map.of("alpha", parameters.as(Settings.class).alpha()));
    }
}
