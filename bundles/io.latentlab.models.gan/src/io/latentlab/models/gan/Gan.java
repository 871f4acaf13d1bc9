package io.latentlab.models.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Setting;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.engine.LayerStacks;
import io.latentlab.engine.Losses;
import io.latentlab.engine.Network;
import io.latentlab.engine.NetworkSpec;
import io.latentlab.engine.NodeSpec;

/**
 * A GAN: the generator maps z ~ N(0, I) to an image, the discriminator scores images with one
 * logit (a final dense unit is added). Alternating steps: {@code d_steps} discriminator
 * updates on real and generated images, then one generator update with the non-saturating
 * loss -log D(G(z)). Real images are scaled to [-1, 1] to match a tanh generator.
 */
@Component(service = ModelFactory.class)
public final class Gan extends AbstractContribution implements ModelFactory {

    /** Contribution id. */
    public static final String ID = "gan";

    /** Creates the contribution. */
    public Gan() {
        super(ID, "GAN", "Generator and discriminator trained against each other (non-saturating loss).",
                Settings.class);
    }

    /** The GAN's settings. */
    record Settings(
            @Setting(doc = "dimensions of the generator's input z", defaultValue = "100", min = 1, max = 4096) long latentDim,
            @Setting(doc = "discriminator updates per generator update (k)", defaultValue = "1", min = 1, max = 100)
            int dSteps,
            @Setting(doc = "real images are labelled 1 - this (one-sided smoothing)", defaultValue = "0", min = 0, max = 0.5)
            double labelSmoothing,
            @Setting(doc = "the range the generator produces: [-1, 1] (tanh output) or [0, 1] (sigmoid output)",
                    defaultValue = "minus_one_one", choices = {"minus_one_one", "zero_one"}) String dataRange) {
    }

    @Override
    public List<String> stackNames() {
        return List.of("generator", "discriminator");
    }

    @Override
    public Model create(ModelSetup setup) {
        Shape image = setup.exampleShape();
        long latent = setup.parameters().as(Settings.class).latentDim();
        List<LayerEntry> generatorStack = setup.stack(GanModel.GENERATOR);
        List<LayerEntry> discriminatorStack = setup.stack(GanModel.DISCRIMINATOR);
        Shape latentShape = Shape.of(latent);
        Network generator = LayerStacks.network(GanModel.GENERATOR, generatorStack, latentShape, image, setup.registry(),
                setup.dataType(), setup.seed());

        List<NodeSpec> discriminatorNodes = new ArrayList<>(LayerStacks.nodes(discriminatorStack, image));
        if (LayerStacks.outputShape(image, discriminatorNodes, setup.registry()).rank() > 1) {
            discriminatorNodes.add(new NodeSpec("discriminator_flatten", "flatten", Map.of(), List.of()));
        }
        discriminatorNodes.add(new NodeSpec("logit", "dense", Map.of("units", 1), List.of()));
        Network discriminator = Network.build(GanModel.DISCRIMINATOR, NetworkSpec.sequential(image, discriminatorNodes),
                setup.registry(), setup.dataType(), setup.seed() + 1);
        discriminator.computeInputGradients(true); // the generator trains through D's input gradient

        List<String> ids = new ArrayList<>(generator.contributionIds());
        ids.addAll(discriminator.contributionIds());
        ids.add("bce");
        return new GanModel(generator, discriminator, Losses.create(setup.registry(), "bce", Map.of("from_logits", true)),
                setup.parameters(), ids);
    }
}
