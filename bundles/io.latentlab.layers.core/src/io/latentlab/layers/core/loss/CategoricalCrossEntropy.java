package io.latentlab.layers.core.loss;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
import io.latentlab.core.loss.Loss;
import io.latentlab.core.loss.LossFactory;
import io.latentlab.nd4j.Reductions;

/** Categorical cross-entropy -sum t log p over classes, from probabilities (softmax applied) or from logits. */
@Component(service = LossFactory.class)
public final class CategoricalCrossEntropy extends AbstractContribution implements LossFactory {

    /** Contribution id. */
    public static final String ID = "cce";

    private static final double CLAMP = 1e-7;

    /** Creates the contribution. */
    public CategoricalCrossEntropy() {
        super(ID, "Categorical cross-entropy", "For one-hot (or soft) class targets [batch, classes].",
                Settings.class);
    }

    /** Categorical cross-entropy's settings. */
    record Settings(
            @Setting(doc = Reduction.DOC, defaultValue = "sum", choices = {"mean", "sum"}) String reduction,
            @Setting(doc = "the prediction is raw scores; softmax is applied inside (more stable)", defaultValue = "false")
            boolean fromLogits) {
    }

    @Override
    public Loss create(Parameters parameters) {
        String reduction = parameters.as(Settings.class).reduction();
        boolean fromLogits = parameters.as(Settings.class).fromLogits();
        return new Loss() {
            private INDArray probabilities;
            private INDArray target;
            private double divisor;

            @Override
            public double forward(List<INDArray> predictions, INDArray target) {
                INDArray prediction = predictions.get(0);
                this.target = target;
                divisor = Reduction.divisor(reduction, prediction);
                probabilities = fromLogits ? Transforms.softmax(prediction, true) : prediction;
                INDArray clamped = Transforms.max(probabilities, CLAMP, true);
                return -Reductions.dot(Transforms.log(clamped, false), target) / divisor;
            }

            @Override
            public List<INDArray> backward() {
                if (fromLogits) {
                    // softmax and cross-entropy together: p * sum(t) - t, per example
                    return List.of(probabilities.mulColumnVector(target.sum(true, 1)).subi(target).divi(divisor));
                }
                return List.of(target.div(Transforms.max(probabilities, CLAMP, true)).negi().divi(divisor));
            }
        };
    }
}
