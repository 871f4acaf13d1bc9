package io.latentlab.models.vqvae;

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

/**
 * VQ-VAE: the encoder's output is a grid of D-dimensional vectors (the channels of each
 * position, or one vector for a dense encoder), each replaced by its nearest entry of a learned
 * codebook of K vectors before the decoder. The reconstruction gradient passes the quantisation
 * unchanged to the encoder (straight-through); the codebook moves towards the encoder outputs
 * assigned to it, and a commitment term (weight beta) keeps the encoder near its codes.
 */
@Component(service = ModelFactory.class)
public final class VqVae extends AbstractContribution implements ModelFactory {

    /** Contribution id. */
    public static final String ID = "vqvae";

    /** Creates the contribution. */
    public VqVae() {
        super(ID, "VQ-VAE", "Discrete latent codes from a learned codebook, straight-through estimator, commitment loss.",
                Settings.class);
    }

    /** The VQ-VAE's settings. */
    record Settings(
            @Setting(doc = "codebook size K; the code dimension D is the number of channels (or units) of the encoder's"
                    + " last layer", defaultValue = "64", min = 2, max = 65_536) int codes,
            @Setting(doc = "beta, the weight of ||z_e - sg[e]||^2", defaultValue = "0.25", min = 0, max = 100)
            double commitment,
            @Setting(doc = "every this many steps, codes no vector of the batch chose are moved onto random encoder"
                    + " outputs of the batch (dead-code restart); 0: never", defaultValue = "20", min = 0, max = 1_000_000,
                    unit = "steps") long restartEvery,
            @Setting(doc = "reconstruction loss between the output and the input (any installed loss of a prediction"
                    + " and a target); its test value is the headline", defaultValue = "bce", contribution = "loss")
            String loss) {
    }

    @Override
    public List<String> stackNames() {
        return List.of("encoder", "decoder");
    }

    /** The codebook has its own optimizer as well: {@code optimizers.codebook}. */
    @Override
    public List<String> networkNames() {
        return List.of("encoder", "decoder", VqVaeModel.CODEBOOK);
    }

    @Override
    public Model create(ModelSetup setup) {
        Shape input = setup.exampleShape();
        List<LayerEntry> encoder = setup.stack("encoder");
        List<LayerEntry> decoder = setup.stack("decoder");
        Network encoderNetwork = Network.build("encoder", NetworkSpec.sequential(input, LayerStacks.nodes(encoder, input)),
                setup.registry(), setup.dataType(), setup.seed());
        Shape code = encoderNetwork.nodes().get(encoderNetwork.nodes().size() - 1).outputShape();
        if (code.rank() != 1 && code.rank() != 3) {
            throw new IllegalArgumentException("the encoder's output " + code + " must be vectors [D] or a grid [D, h, w]");
        }
        Network decoderNetwork = LayerStacks.network("decoder", decoder, code, input, setup.registry(),
                setup.dataType(), setup.seed() + 1);
        decoderNetwork.computeInputGradients(true); // the straight-through gradient goes on to the encoder

        String lossId = setup.parameters().as(Settings.class).loss();
        List<String> ids = new ArrayList<>(encoderNetwork.contributionIds());
        ids.addAll(decoderNetwork.contributionIds());
        ids.add(lossId);
        return new VqVaeModel(encoderNetwork, decoderNetwork, code, setup.parameters().as(Settings.class).codes(),
                setup.parameters().as(Settings.class).commitment(), setup.parameters().as(Settings.class).restartEvery(),
                Losses.ofPrediction(setup.registry(), lossId, "reconstruction loss", Map.of()), lossId, setup.seed(), ids);
    }
}
