package io.latentlab.models.vae;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ContributionKind;
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
 * Variational autoencoder: the encoder stack feeds two dense heads, mean and log-variance of
 * q(z|x); z = mu + eps * sigma (reparameterisation); the decoder stack maps z back to the
 * input; a conditional VAE gives both the one-hot label as well. Trained on the negative ELBO,
 * reconstruction (BCE summed over pixels by default) plus beta times KL(q(z|x) || N(0, I)), both
 * in nats per image.
 */
@Component(service = ModelFactory.class)
public final class Vae extends AbstractContribution implements ModelFactory {

    /** Contribution id. */
    public static final String ID = "vae";

    /** Encoder output holding the mean of q(z|x). */
    static final String MEAN = "z_mean";
    /** Encoder output holding the log-variance of q(z|x). */
    static final String LOG_VARIANCE = "z_log_variance";

    /** Creates the contribution. */
    public Vae() {
        super(ID, "Variational autoencoder", "z = mu + eps * sigma with a KL term to N(0, I); beta weights the KL term.",
                Settings.class);
    }

    /** The VAE's settings. */
    record Settings(
            @Setting(doc = "dimensions of z", defaultValue = "20", min = 1, max = 4096) long latentDim,
            @Setting(doc = "weight of the KL term (beta-VAE); 1 for the ELBO", defaultValue = "1", min = 0, max = 1000)
            double beta,
            @Setting(doc = "conditional VAE: encoder and decoder also read the one-hot label, so z keeps only what the"
                    + " label does not say (style); dense stacks only", defaultValue = "false") boolean conditional,
            @Setting(doc = "-log p(x|z), summed over each image's values (bce: Bernoulli pixels; mse: a Gaussian up to"
                    + " constants)", defaultValue = "bce", contribution = "loss") String reconstructionLoss) {
    }

    @Override
    public List<String> stackNames() {
        return List.of("encoder", "decoder");
    }

    @Override
    public Model create(ModelSetup setup) {
        Settings settings = setup.parameters().as(Settings.class);
        return build(setup, settings.latentDim(), settings.beta(), settings.conditional(), settings.reconstructionLoss());
    }

    /**
     * Builds a VAE from a setup's encoder and decoder stacks and optimizers: for model bundles
     * that build on the VAE (their own schema, this network and loss).
     *
     * @param setup the model's setup, with stacks named encoder and decoder
     * @param latent dimensions of z
     * @param beta weight of the KL term
     * @param conditional whether encoder and decoder also read the one-hot label
     * @param reconstructionLoss the id of the reconstruction loss (summed over each image's values
     *        where the loss has a {@code reduction})
     * @return the untrained model
     */
    public static VaeModel build(ModelSetup setup, long latent, double beta, boolean conditional,
            String reconstructionLoss) {
        Shape input = setup.exampleShape();
        List<LayerEntry> encoder = setup.stack("encoder");
        List<LayerEntry> decoder = setup.stack("decoder");

        int conditions = 0;
        Shape encoderInput = input;
        if (conditional) {
            if (setup.classes() < 2) {
                throw new IllegalArgumentException("a conditional VAE reads class labels; the dataset has none");
            }
            if (!encoder.stream().allMatch(e -> "dense".equals(e.type()))) {
                throw new IllegalArgumentException("a conditional VAE takes dense encoder layers (it reads the flattened"
                        + " image beside the one-hot label)");
            }
            conditions = setup.classes();
            encoderInput = Shape.of(input.size() + conditions);
        }
        NetworkSpec chain = NetworkSpec.sequential(encoderInput, LayerStacks.nodes(encoder, encoderInput));
        String last = chain.outputs().get(0);
        List<NodeSpec> encoderNodes = new ArrayList<>(chain.nodes());
        if (Network.shapes(chain, setup.registry()).get(last).rank() > 1) {
            encoderNodes.add(new NodeSpec("encoder_flatten", "flatten", Map.of(), List.of(last)));
            last = "encoder_flatten";
        }
        encoderNodes.add(new NodeSpec(MEAN, "dense", Map.of("units", latent), List.of(last)));
        encoderNodes.add(new NodeSpec(LOG_VARIANCE, "dense", Map.of("units", latent), List.of(last)));
        Network encoderNetwork = Network.build("encoder", new NetworkSpec(chain.inputs(), encoderNodes,
                List.of(MEAN, LOG_VARIANCE)), setup.registry(), setup.dataType(), setup.seed());

        Shape latentShape = Shape.of(latent + conditions);
        Network decoderNetwork = LayerStacks.network("decoder", decoder, latentShape, input, setup.registry(),
                setup.dataType(), setup.seed() + 1);
        decoderNetwork.computeInputGradients(true); // the encoder trains through dLoss/dz

        List<String> ids = new ArrayList<>(encoderNetwork.contributionIds());
        ids.addAll(decoderNetwork.contributionIds());
        ids.addAll(List.of(reconstructionLoss, "kl_normal"));
        return new VaeModel(encoderNetwork, decoderNetwork,
                Losses.ofPrediction(setup.registry(), reconstructionLoss, "reconstruction loss", Map.of("reduction", "sum")),
                Losses.create(setup.registry(), "kl_normal", Map.of()), beta, conditions, ids);
    }
}
