package @@PACKAGE@@;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.loss.Loss;
import io.latentlab.core.loss.LossFactory;
import io.latentlab.nd4j.Functions;

/**
 * @@NAME@@: log(cosh(prediction - target)), averaged over every value: like squared error near
 * the target, like absolute error far from it. {@code forward} returns the loss and keeps what
 * {@code backward} needs; {@code backward} returns dLoss/dPrediction.
 */
@Component(service = LossFactory.class)
public final class @@CLASS@@ extends AbstractContribution implements LossFactory {

    /** The id experiments write, e.g. {@code model: {id: autoencoder, loss: @@ID@@}}. */
    public static final String ID = "@@ID@@";

    private static final double LOG_2 = Math.log(2);

    /** Creates the contribution (Declarative Services calls this). */
    public @@CLASS@@() {
        super(ID, "@@NAME@@", "log(cosh(prediction - target)), the mean over every value.", ParameterSchema.EMPTY);
    }

    @Override
    public Loss create(Parameters parameters) {
        return new Loss() {
            private INDArray difference;

            @Override
            public double forward(List<INDArray> predictions, INDArray target) {
                difference = predictions.get(0).sub(target);
                // log cosh d = |d| + softplus(-2|d|) - log 2: cosh itself overflows for |d| > 89 in float
                INDArray magnitude = Transforms.abs(difference, true);
                INDArray values = Functions.softplus(magnitude.mul(-2)).addi(magnitude).subi(LOG_2);
                return values.sumNumber().doubleValue() / difference.length();
            }

            @Override
            public List<INDArray> backward() {
                return List.of(Transforms.tanh(difference, true).divi(difference.length()));
            }
        };
    }
}
