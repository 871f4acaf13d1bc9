package io.latentlab.models.ae;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ContributionKind;
import io.latentlab.core.Setting;
import io.latentlab.core.TypedSettings;
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
 * An autoencoder: encoder and decoder stacks trained to reconstruct their input, built as one
 * network (so a decoder layer may read an encoder layer: skip connections). A dense first
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
        super(id, name, doc, TypedSettings.schema(Settings.class)
                .withDefaults(Map.of("noise_std", noise, "sparsity_weight", sparsity)));
    }

    /** The autoencoders' settings (the denoising and sparse ones differ in the defaults of noise and sparsity). */
    record Settings(
            @Setting(doc = "reconstruction loss between the output and the input (any installed loss of a prediction"
                    + " and a target); its test value is the headline", defaultValue = "bce", contribution = "loss")
            String loss,
            @Setting(doc = "denoising: Gaussian noise added to the input in training (then clipped to [0, 1]); the"
                    + " target stays clean", defaultValue = "0", min = 0, max = 10) double noiseStd,
            @Setting(doc = "sparse: weight of the KL sparsity penalty on the code (the last encoder layer's"
                    + " activations, which should lie in (0, 1))", defaultValue = "0", min = 0, max = 100)
            double sparsityWeight,
            @Setting(doc = "sparse: the mean activation rho wanted per code unit", defaultValue = "0.05", min = 0.001,
                    max = 0.999) double sparsityTarget) {
    }

    @Override
    public List<String> stackNames() {
        return List.of("encoder", "decoder");
    }

    /** One network trains both stacks, so one optimizer: {@code optimizers.autoencoder} or {@code optimizer}. */
    @Override
    public List<String> networkNames() {
        return List.of(AutoencoderModel.NETWORK);
    }

    @Override
    public Model create(ModelSetup setup) {
        Shape input = setup.exampleShape();
        List<LayerEntry> encoder = setup.stack("encoder");
        List<LayerEntry> decoder = setup.stack("decoder");
        List<NodeSpec> encoderNodes = LayerStacks.nodes(encoder, input);
        String code = encoder.get(encoder.size() - 1).name(); // the last encoder layer's output is the code
        Shape codeShape = LayerStacks.outputShape(input, encoderNodes, setup.registry());
        List<NodeSpec> nodes = new ArrayList<>(encoderNodes);
        nodes.addAll(LayerStacks.nodes(decoder, codeShape, code));
        nodes = LayerStacks.endingIn(nodes, LayerStacks.outputShape(input, nodes, setup.registry()), input, "decoder");
        Network network = Network.build(AutoencoderModel.NETWORK, NetworkSpec.sequential(input, nodes), setup.registry(),
                setup.dataType(), setup.seed());
        String lossId = setup.parameters().as(Settings.class).loss();
        List<String> ids = new ArrayList<>(network.contributionIds());
        ids.add(lossId);
        return new AutoencoderModel(network, Losses.ofPrediction(setup.registry(), lossId, "reconstruction loss", Map.of()),
                setup.parameters(), code, lossId, ids);
    }
}
