package io.latentlab.layers.core.loss;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
import io.latentlab.core.loss.Loss;
import io.latentlab.core.loss.LossFactory;
import io.latentlab.nd4j.Reductions;

/** Mean squared error: (prediction - target)^2. */
@Component(service = LossFactory.class)
public final class MeanSquaredError extends AbstractContribution implements LossFactory {

    /** Contribution id. */
    public static final String ID = "mse";

    /** Creates the contribution. */
    public MeanSquaredError() {
        super(ID, "Mean squared error", "(prediction - target)^2, for real-valued targets.",
                Settings.class);
    }

    /** Mean squared error's settings. */
    record Settings(@Setting(doc = Reduction.DOC, defaultValue = "mean", choices = {"mean", "sum"}) String reduction) {
    }

    @Override
    public Loss create(Parameters parameters) {
        String reduction = parameters.as(Settings.class).reduction();
        return new Loss() {
            private INDArray difference;
            private double divisor;

            @Override
            public double forward(List<INDArray> predictions, INDArray target) {
                difference = predictions.get(0).sub(target);
                divisor = Reduction.divisor(reduction, difference);
                return Reductions.sumOfSquares(difference) / divisor;
            }

            @Override
            public List<INDArray> backward() {
                return List.of(difference.mul(2 / divisor));
            }
        };
    }
}
