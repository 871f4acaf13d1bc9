package io.latentlab.ui.plugins.tests.plugin;

import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.layers.core.activation.ElementwiseActivation;

/**
 * f(x) = x^3: the one class of the plugin bundle that PluginsWorkbenchTest assembles at run time
 * (its bytes are copied into that bundle, which registers it with its own component XML).
 */
public final class CubeActivation extends ElementwiseActivation {

    /** Creates the contribution. */
    public CubeActivation() {
        super("cube", "Cube", "f(x) = x^3 (a test plugin's activation).", ParameterSchema.EMPTY);
    }

    @Override
    protected void apply(INDArray x, INDArray y, Parameters parameters) {
        y.assign(x.mul(x).muli(x));
    }

    @Override
    protected void backward(INDArray x, INDArray y, INDArray gradient, INDArray dx, Parameters parameters) {
        dx.assign(x.mul(x).muli(3).muli(gradient));
    }
}
