package @@PACKAGE@@;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
import io.latentlab.core.data.Augmentation;
import io.latentlab.core.data.AugmentationFactory;

/**
 * @@NAME@@: replaces x by 1 - x (values in [0, 1]) in a random share of the training images.
 * {@code apply} gets each training batch and the run's random generator: draw from it only, so
 * that a run (and a resumed run) sees the same batches again.
 */
@Component(service = AugmentationFactory.class)
public final class @@CLASS@@ extends AbstractContribution implements AugmentationFactory {

    /** The id experiments write: {@code augmentations: [{id: @@ID@@, probability: 0.5}]}. */
    public static final String ID = "@@ID@@";

    /** Creates the contribution (Declarative Services calls this). */
    public @@CLASS@@() {
        super(ID, "@@NAME@@", "Inverts (1 - x) a random share of the training images.", Settings.class);
    }

    /** The parameters, declared once (experiments write probability). */
    record Settings(@Setting(doc = "the chance that an image is inverted", defaultValue = "0.5", min = 0, max = 1)
            double probability) {
    }

    @Override
    public Augmentation create(Parameters parameters) {
        double probability = parameters.as(Settings.class).probability();
        return (batch, random) -> {
            INDArray result = batch.dup();
            for (long i = 0; i < result.size(0); i++) {
                if (random.nextDouble() < probability) {
                    result.slice(i).rsubi(1.0);
                }
            }
            return result;
        };
    }
}
