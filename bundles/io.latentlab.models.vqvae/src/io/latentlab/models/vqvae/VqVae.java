package io.latentlab.models.vqvae;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.loss.LossFactory;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.core.optim.Optimizer;
import io.latentlab.core.optim.OptimizerFactory;
import io.latentlab.engine.LayerStacks;
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
                        .choice("loss", "bce", List.of("bce", "mse"), "reconstruction loss, per pixel")
                        .build());
    }

    @Override
    public List<String> stackNames() {
        return List.of("encoder", "decoder");
    }

    @Override
    public Model create(ModelSetup setup) {
        Shape input = setup.exampleShape();
        List<LayerEntry> encoder = setup.stacks().getOrDefault("encoder", List.of());
        List<LayerEntry> decoder = setup.stacks().getOrDefault("decoder", List.of());
        if (encoder.isEmpty() || decoder.isEmpty()) {
            throw new IllegalArgumentException("a VQ-VAE needs both an encoder and a decoder stack");
        }
        Network encoderNetwork = Network.build(NetworkSpec.sequential(input, LayerStacks.nodes(encoder, input)),
                setup.registry(), setup.dataType(), setup.seed());
        Shape code = encoderNetwork.nodes().get(encoderNetwork.nodes().size() - 1).outputShape();
        if (code.rank() != 1 && code.rank() != 3) {
            throw new IllegalArgumentException("the encoder's output " + code + " must be vectors [D] or a grid [D, h, w]");
        }
        Network decoderNetwork = LayerStacks.network(decoder, code, input, "decoder", setup.registry(),
                setup.dataType(), setup.seed() + 1);
        decoderNetwork.computeInputGradients(true); // the straight-through gradient goes on to the encoder

        String lossId = setup.parameters().getString("loss");
        LossFactory loss = setup.registry().get(LossFactory.class, lossId);
        List<String> ids = new ArrayList<>(encoderNetwork.contributionIds());
        ids.addAll(decoderNetwork.contributionIds());
        ids.add(lossId);
        List<Optimizer> optimizers = new ArrayList<>(); // encoder, decoder, codebook
        for (String part : List.of("encoder", "decoder", "codebook")) {
            ModelSetup.OptimizerChoice choice = setup.optimizerFor(part);
            optimizers.add(setup.registry().get(OptimizerFactory.class, choice.id()).create(choice.parameters()));
            ids.add(choice.id());
        }
        return new VqVaeModel(encoderNetwork, decoderNetwork, code, setup.parameters().getInt("codes"),
                setup.parameters().getDouble("commitment"), setup.parameters().getLong("restart_every"),
                loss.create(loss.schema().resolve("loss '" + lossId + "'", Map.of())), lossId,
                optimizers.get(0), optimizers.get(1), optimizers.get(2), setup.seed(), ids);
    }
}
