package io.latentlab.models.ae;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.loss.Loss;
import io.latentlab.core.loss.LossFactory;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.core.optim.Optimizer;
import io.latentlab.core.optim.OptimizerFactory;
import io.latentlab.engine.LayerStacks;
import io.latentlab.engine.Network;

/**
 * An autoencoder: encoder and decoder stacks trained to reconstruct their input. A dense first
 * layer on images gets a flatten in front, and a decoder that ends in a vector of the input's
 * size gets a reshape back, so stacks can be written as in a paper.
 */
@Component(service = ModelFactory.class)
public class Autoencoder extends AbstractContribution implements ModelFactory {

    /** Contribution id. */
    public static final String ID = "autoencoder";

    /** Creates the contribution. */
    public Autoencoder() {
        this(ID, "Autoencoder", "Encoder and decoder trained to reconstruct the input (dense or convolutional).", 0.0, 0.0);
    }

    /**
     * For the denoising and sparse variants, which differ only in their defaults.
     *
     * @param id the contribution id
     * @param name the human name
     * @param doc one line
     * @param noise the default {@code noise_std}
     * @param sparsity the default {@code sparsity_weight}
     */
    protected Autoencoder(String id, String name, String doc, double noise, double sparsity) {
        super(id, name, doc, ParameterSchema.builder()
                .choice("loss", "bce", List.of("bce", "mse"), "reconstruction loss, per pixel")
                .number("clip_norm", 0.0, 0.0, null, "", "rescale gradients above this global norm; 0: never")
                .number("noise_std", noise, 0.0, 10.0, "", "denoising: Gaussian noise added to the input in training"
                        + " (then clipped to [0, 1]); the target stays clean")
                .number("sparsity_weight", sparsity, 0.0, 100.0, "", "sparse: weight of the KL sparsity penalty on the"
                        + " code (the last encoder layer's activations, which should lie in (0, 1))")
                .number("sparsity_target", 0.05, 0.001, 0.999, "", "sparse: the mean activation rho wanted per code unit")
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
            throw new IllegalArgumentException("an autoencoder needs both an encoder and a decoder stack");
        }
        List<LayerEntry> layers = new ArrayList<>(encoder); // the last encoder layer's output is the code
        layers.addAll(decoder);
        Network network = LayerStacks.network(layers, input, input, "decoder", setup.registry(), setup.dataType(),
                setup.seed());
        String lossId = setup.parameters().getString("loss");
        LossFactory lossFactory = setup.registry().get(LossFactory.class, lossId);
        Loss loss = lossFactory.create(lossFactory.schema().resolve("loss '" + lossId + "'", Map.of()));
        ModelSetup.OptimizerChoice choice = setup.optimizerFor("encoder");
        OptimizerFactory optimizerFactory = setup.registry().get(OptimizerFactory.class, choice.id());
        Optimizer optimizer = optimizerFactory.create(choice.parameters());
        List<String> ids = new ArrayList<>(network.contributionIds());
        ids.add(lossId);
        ids.add(choice.id());
        return new AutoencoderModel(network, loss, optimizer, setup.parameters(), encoder.get(encoder.size() - 1).name(),
                lossId, ids);
    }
}
