package io.latentlab.models.vqvae;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ContributionKind;
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
                ParameterSchema.builder()
                        .integer("codes", 64L, 2L, 65_536L, "", "codebook size K; the code dimension D is the number of"
                                + " channels (or units) of the encoder's last layer")
                        .number("commitment", 0.25, 0.0, 100.0, "", "beta, the weight of ||z_e - sg[e]||^2")
                        .integer("restart_every", 20L, 0L, 1_000_000L, "steps", "every this many steps, codes no vector"
                                + " of the batch chose are moved onto random encoder outputs of the batch (dead-code"
                                + " restart); 0: never")
                        .contribution("loss", ContributionKind.LOSS, "bce", "reconstruction loss between the output and"
                                + " the input (any installed loss of a prediction and a target); its test value is the"
                                + " headline")
                        .build());
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

        String lossId = setup.parameters().getString("loss");
        List<String> ids = new ArrayList<>(encoderNetwork.contributionIds());
        ids.addAll(decoderNetwork.contributionIds());
        ids.add(lossId);
        return new VqVaeModel(encoderNetwork, decoderNetwork, code, setup.parameters().getInt("codes"),
                setup.parameters().getDouble("commitment"), setup.parameters().getLong("restart_every"),
                Losses.ofPrediction(setup.registry(), lossId, "reconstruction loss", Map.of()), lossId, setup.seed(), ids);
    }
}
