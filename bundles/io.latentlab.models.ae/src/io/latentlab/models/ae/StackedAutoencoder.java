package io.latentlab.models.ae;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.Setting;
import io.latentlab.core.AbstractContribution;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.loss.Loss;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.engine.LayerStacks;
import io.latentlab.engine.Losses;
import io.latentlab.engine.Network;
import io.latentlab.engine.NetworkBuildException;
import io.latentlab.engine.NetworkSpec;
import io.latentlab.engine.NodeSpec;

/**
 * Stacked autoencoder (Bengio et al. 2007): each encoder layer is first trained alone as the
 * encoder of a one-layer autoencoder of the previous layer's output (greedy, layer-wise), then
 * the whole stack is fine-tuned with a classification head on the labels. With
 * {@code pretrain_epochs: 0} it is the same network trained from scratch, the baseline.
 */
@Component(service = ModelFactory.class)
public final class StackedAutoencoder extends AbstractContribution implements ModelFactory {

    /** Contribution id. */
    public static final String ID = "stacked_autoencoder";

    /** Creates the contribution. */
    public StackedAutoencoder() {
        super(ID, "Stacked autoencoder", "Greedy layer-wise pre-training of the encoder, then fine-tuning with a"
                + " logistic (softmax) or linear head on the labels.", Settings.class);
    }

    /** The head's documentation, which the classifier shares. */
    static final String HEAD_DOC = "logistic: softmax and cross-entropy; linear: identity and squared error to the"
            + " one-hot label";

    /** The stacked autoencoder's settings. */
    record Settings(
            @Setting(doc = "pre-training epochs per encoder layer; fine-tuning takes the rest of training.epochs; 0:"
                    + " train from scratch", defaultValue = "2", min = 0, max = 1000, unit = "epochs") long pretrainEpochs,
            @Setting(doc = "pre-training uses the optimizer's learning rate times this; a smaller rate keeps the"
                    + " pre-trained weights near the scale that fine-tuning starts well from", defaultValue = "0.1", min = 0,
                    max = 10) double pretrainRateScale,
            @Setting(doc = HEAD_DOC, defaultValue = "logistic", choices = {"logistic", "linear"}) String head) {
    }

    @Override
    public List<String> stackNames() {
        return List.of("encoder");
    }

    /** The encoder's layers and their pre-training decoders share the {@code encoder} optimizer choice. */
    @Override
    public List<String> networkNames() {
        return List.of("encoder", "head");
    }

    @Override
    public Model create(ModelSetup setup) {
        List<LayerEntry> encoder = setup.stack("encoder");
        if (setup.classes() < 2) {
            throw new IllegalArgumentException("this model learns class labels; the dataset has none");
        }
        long pretrainEpochs = setup.parameters().as(Settings.class).pretrainEpochs();
        List<String> ids = new ArrayList<>();

        // one network per encoder layer, so that each can be trained alone, and a decoder for each
        List<Network> layers = new ArrayList<>();
        List<Network> decoders = new ArrayList<>();
        Shape shape = setup.exampleShape();
        for (int i = 0; i < encoder.size(); i++) {
            LayerEntry entry = encoder.get(i);
            if (pretrainEpochs > 0 && !"dense".equals(entry.type())) {
                throw new NetworkBuildException(entry.name(), "layer-wise pre-training takes dense layers; '"
                        + entry.name() + "' is " + entry.type() + " (set pretrain_epochs: 0 to train it from scratch)", null);
            }
            Network layer = Network.build("layer" + i, NetworkSpec.sequential(shape, LayerStacks.nodes(List.of(entry),
                    shape)), setup.registry(), setup.dataType(), setup.seed() + i).optimizedAs("encoder");
            layer.computeInputGradients(i > 0);
            Shape code = layer.nodes().get(layer.nodes().size() - 1).outputShape();
            if (pretrainEpochs > 0) { // a decoder per layer, to pre-train it as an autoencoder
                List<NodeSpec> decoderNodes = LayerStacks.endingIn(List.of(new NodeSpec(entry.name() + "_decoder", "dense",
                        Map.of("units", shape.size(), "activation", i == 0 ? "sigmoid" : "identity"), List.of())),
                        Shape.of(shape.size()), shape, entry.name() + "_decoder");
                Network decoder = Network.build("decoder" + i, NetworkSpec.sequential(code, decoderNodes), setup.registry(),
                        setup.dataType(), setup.seed() + 1000 + i).optimizedAs("encoder");
                decoder.computeInputGradients(true);
                decoders.add(decoder);
                ids.addAll(decoder.contributionIds());
            }
            layers.add(layer);
            ids.addAll(layer.contributionIds());
            shape = code;
        }
        Network head = Network.build("head", NetworkSpec.sequential(shape, LayerStacks.nodes(List.of(new LayerEntry("head",
                "dense", Map.of("units", (long) setup.classes()))), shape)), setup.registry(), setup.dataType(),
                setup.seed() + 2000);
        head.computeInputGradients(true);
        ids.addAll(head.contributionIds());

        boolean logistic = "logistic".equals(setup.parameters().as(Settings.class).head());
        Loss headLoss = loss(setup, logistic ? "cce" : "mse", logistic ? Map.of("from_logits", true) : Map.of(), ids);
        Loss pixels = loss(setup, "bce", Map.of(), ids);
        Loss features = loss(setup, "mse", Map.of(), ids);
        return new StackedAutoencoderModel(layers, decoders, head, pixels, features, headLoss, logistic, setup.classes(),
                pretrainEpochs * setup.stepsPerEpoch(), setup.parameters().as(Settings.class).pretrainRateScale(), ids);
    }

    private static Loss loss(ModelSetup setup, String id, Map<String, Object> parameters, List<String> ids) {
        ids.add(id);
        return Losses.create(setup.registry(), id, parameters);
    }
}
