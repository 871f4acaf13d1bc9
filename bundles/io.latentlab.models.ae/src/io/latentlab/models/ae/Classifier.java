package io.latentlab.models.ae;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.model.ModelSetup;

/**
 * A supervised classifier: the encoder stack and a head, trained on the labels from scratch.
 * It is the stacked autoencoder without pre-training (its baseline), and the classifier the
 * model benchmark scores generated images with.
 */
@Component(service = ModelFactory.class)
public final class Classifier extends AbstractContribution implements ModelFactory {

    /** Contribution id. */
    public static final String ID = "classifier";

    private final StackedAutoencoder stacked = new StackedAutoencoder();

    /** Creates the contribution. */
    public Classifier() {
        super(ID, "Classifier", "The encoder stack with a logistic (softmax) or linear head, trained on the labels.",
                Settings.class);
    }

    /** The classifier's settings. */
    record Settings(@Setting(doc = StackedAutoencoder.HEAD_DOC, defaultValue = "logistic", choices = {"logistic", "linear"})
            String head) {
    }

    @Override
    public List<String> stackNames() {
        return List.of("encoder");
    }

    @Override
    public List<String> networkNames() {
        return stacked.networkNames();
    }

    @Override
    public Model create(ModelSetup setup) {
        Parameters parameters = Parameters.of(stacked.schema(),
                Map.of("pretrain_epochs", 0, "head", setup.parameters().as(Settings.class).head()));
        return stacked.create(new ModelSetup(parameters, setup.stacks(), setup.exampleShape(), setup.classes(),
                setup.registry(), setup.dataType(), setup.seed(), setup.stepsPerEpoch()));
    }
}
