package io.latentlab.models.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
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
                ParameterSchema.builder()
                        .integer("latent_dim", 100L, 1L, 4096L, "", "dimensions of the generator's input z")
                        .integer("d_steps", 1L, 1L, 100L, "", "discriminator updates per generator update (k)")
                        .number("label_smoothing", 0.0, 0.0, 0.5, "", "real images are labelled 1 - this (one-sided smoothing)")
                        .choice("data_range", "minus_one_one", List.of("minus_one_one", "zero_one"),
                                "the range the generator produces: [-1, 1] (tanh output) or [0, 1] (sigmoid output)")
                        .build());
    }

    @Override
    public List<String> stackNames() {
        return List.of("generator", "discriminator");
    }

    @Override
    public Model create(ModelSetup setup) {
        Shape image = setup.exampleShape();
        long latent = setup.parameters().getLong("latent_dim");
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
