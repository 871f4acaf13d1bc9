package io.latentlab.models.unet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Setting;
import io.latentlab.core.data.Augmentation;
import io.latentlab.core.data.AugmentationFactory;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.engine.Losses;
import io.latentlab.engine.Network;
import io.latentlab.engine.NetworkSpec;
import io.latentlab.engine.NodeSpec;

/**
 * U-Net: a contracting path of two 3x3 convolutions and a 2x2 max pool per level, a bottom
 * level, and an expanding path that upsamples, convolves, concatenates the skip connection of
 * the same level and convolves twice; a 1x1 convolution gives one logit per pixel and
 * channel. It learns to map a corrupted image (Gaussian noise, then an occluded square, drawn
 * with the installed augmentations) to the clean image's foreground mask (segmentation) or to
 * the clean image itself (denoising).
 */
@Component(service = ModelFactory.class)
public final class UNet extends AbstractContribution implements ModelFactory {

    /** Contribution id. */
    public static final String ID = "unet";

    /** Creates the contribution. */
    public UNet() {
        super(ID, "U-Net", "Encoder-decoder with skip connections by concatenation, for segmentation and denoising.",
                Settings.class);
    }

    /** The U-Net's settings. */
    record Settings(
            @Setting(doc = "how many times the image is halved; its height and width must be divisible by 2^depth",
                    defaultValue = "2", min = 1, max = 6, unit = "levels") int depth,
            @Setting(doc = "channels of the first level, doubled at each level down", defaultValue = "16", min = 1,
                    max = 1024) long filters,
            @Setting(doc = "batch normalisation after each 3x3 convolution, before its ReLU", defaultValue = "false")
            boolean batchNorm,
            @Setting(doc = "segmentation: predict the clean image's foreground (value > threshold); denoising: predict"
                    + " the clean image", defaultValue = "segmentation", choices = {"segmentation", "denoising"}) String task,
            @Setting(doc = "segmentation: a pixel is foreground above this value", defaultValue = "0.5", min = 0, max = 1)
            double threshold,
            @Setting(doc = "Gaussian noise added to the input (then clipped to [0, 1])", defaultValue = "0.5", min = 0,
                    max = 10) double noiseStd,
            @Setting(doc = "side of a random square set to 0 in the input; 0: none", defaultValue = "8", min = 0,
                    max = 4096, unit = "px") long occlusion,
            @Setting(doc = "segmentation: weight of a soft Dice loss added to the per-pixel cross-entropy (optimises"
                    + " overlap, which IoU measures); 0: cross-entropy only", defaultValue = "1", min = 0, max = 100)
            double diceWeight) {
    }

    @Override
    public List<String> stackNames() {
        return List.of();
    }

    @Override
    public List<String> networkNames() {
        return List.of(UNetModel.NETWORK);
    }

    @Override
    public Model create(ModelSetup setup) {
        Shape input = setup.exampleShape();
        int depth = setup.parameters().as(Settings.class).depth();
        long filters = setup.parameters().as(Settings.class).filters();
        if (input.rank() != 3) {
            throw new IllegalArgumentException("a U-Net reads images [channels, height, width]; the dataset gives " + input);
        }
        long divisor = 1L << depth;
        if (input.dim(1) % divisor != 0 || input.dim(2) % divisor != 0) {
            throw new IllegalArgumentException("a U-Net of depth " + depth + " halves the image " + depth + " times, so its"
                    + " height and width must be divisible by " + divisor + "; the images are " + input.dim(1) + "x"
                    + input.dim(2) + " (lower depth)");
        }
        Network network = Network.build(UNetModel.NETWORK, spec(input, depth, filters,
                setup.parameters().as(Settings.class).batchNorm()), setup.registry(), setup.dataType(), setup.seed());

        List<Augmentation> corruption = new ArrayList<>();
        double noise = setup.parameters().as(Settings.class).noiseStd();
        long occlusion = setup.parameters().as(Settings.class).occlusion();
        List<String> ids = new ArrayList<>(network.contributionIds());
        if (noise > 0) {
            corruption.add(augmentation(setup, "gaussian_noise", Map.of("std", noise), ids));
        }
        if (occlusion > 0) {
            corruption.add(augmentation(setup, "occlusion", Map.of("size", occlusion), ids));
        }
        ids.add("bce");
        boolean segmentation = "segmentation".equals(setup.parameters().as(Settings.class).task());
        return new UNetModel(network, Losses.create(setup.registry(), "bce", Map.of("from_logits", true)), corruption,
                segmentation,
                setup.parameters().as(Settings.class).threshold(),
                segmentation ? setup.parameters().as(Settings.class).diceWeight() : 0.0, setup.seed(), ids);
    }

    private static Augmentation augmentation(ModelSetup setup, String id, Map<String, Object> parameters,
            List<String> ids) {
        AugmentationFactory factory = setup.registry().get(AugmentationFactory.class, id);
        ids.add(id);
        return factory.create(factory.schema().resolve("augmentation '" + id + "'", parameters));
    }

    /**
     * @param input [channels, height, width]
     * @param depth levels down
     * @param filters channels of the first level
     * @param batchNorm whether each convolution is followed by batch normalisation
     * @return the network: input {@code input}, one output of the input's shape (logits)
     */
    public static NetworkSpec spec(Shape input, int depth, long filters, boolean batchNorm) {
        List<NodeSpec> nodes = new ArrayList<>();
        String previous = NetworkSpec.INPUT;
        List<String> skips = new ArrayList<>();
        for (int level = 0; level < depth; level++) {
            previous = convolutions(nodes, "down" + level, previous, filters << level, batchNorm);
            skips.add(previous);
            nodes.add(new NodeSpec("pool" + level, "max_pooling2d", Map.of("kernel", List.of(2L)), List.of(previous)));
            previous = "pool" + level;
        }
        previous = convolutions(nodes, "bottom", previous, filters << depth, batchNorm);
        for (int level = depth - 1; level >= 0; level--) {
            String up = "up" + level;
            nodes.add(new NodeSpec(up + "_upsample", "upsampling2d", Map.of(), List.of(previous)));
            previous = convolution(nodes, up + "_conv", up + "_upsample", filters << level, batchNorm);
            nodes.add(new NodeSpec(up + "_concat", "concat", Map.of(), List.of(previous, skips.get(level))));
            previous = convolutions(nodes, up, up + "_concat", filters << level, batchNorm);
        }
        nodes.add(new NodeSpec("logits", "conv2d", Map.of("filters", input.dim(0), "kernel", List.of(1L),
                "initializer", "xavier_uniform"), List.of(previous)));
        return new NetworkSpec(Map.of(NetworkSpec.INPUT, input), nodes, List.of("logits"));
    }

    private static String convolutions(List<NodeSpec> nodes, String prefix, String from, long filters, boolean batchNorm) {
        String first = convolution(nodes, prefix + "_a", from, filters, batchNorm);
        return convolution(nodes, prefix + "_b", first, filters, batchNorm);
    }

    /** A 3x3 convolution and ReLU, with batch normalisation between them if asked; returns the last node's name. */
    private static String convolution(List<NodeSpec> nodes, String name, String from, long filters, boolean batchNorm) {
        if (!batchNorm) {
            nodes.add(new NodeSpec(name, "conv2d", Map.of("filters", filters, "kernel", List.of(3L), "activation", "relu"),
                    List.of(from)));
            return name;
        }
        nodes.add(new NodeSpec(name, "conv2d", Map.of("filters", filters, "kernel", List.of(3L), "use_bias", false),
                List.of(from)));
        nodes.add(new NodeSpec(name + "_norm", "batch_norm", Map.of("activation", "relu"), List.of(name)));
        return name + "_norm";
    }
}
