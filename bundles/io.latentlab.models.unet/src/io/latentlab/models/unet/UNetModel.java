package io.latentlab.models.unet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.latentlab.core.data.Augmentation;
import io.latentlab.core.loss.Loss;
import io.latentlab.core.model.Figure;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.TrainedNetwork;
import io.latentlab.core.model.Update;
import io.latentlab.engine.Batches;
import io.latentlab.engine.Network;

/** The trainable U-Net: corrupt, predict per-pixel logits, binary cross-entropy to the target. */
final class UNetModel implements Model {

    /** The test set is corrupted the same way at every evaluation, so that figures compare. */
    private static final long EVALUATION_SEED = 20_151_118L;

    /** The name of its network. */
    static final String NETWORK = "unet";

    private final Network network;
    private final Loss loss;
    private final List<Augmentation> corruption;
    private final boolean segmentation;
    private final double threshold;
    private final double diceWeight;
    private final long seed;
    private final List<String> ids;

    UNetModel(Network network, Loss loss, List<Augmentation> corruption, boolean segmentation, double threshold,
            double diceWeight, long seed, List<String> ids) {
        this.network = network;
        this.loss = loss;
        this.corruption = List.copyOf(corruption);
        this.segmentation = segmentation;
        this.threshold = threshold;
        this.diceWeight = diceWeight;
        this.seed = seed;
        this.ids = List.copyOf(ids);
    }

    @Override
    public List<TrainedNetwork> networks() {
        return List.of(network);
    }

    private INDArray corrupt(INDArray clean, SplittableRandom random) {
        INDArray input = clean;
        for (Augmentation augmentation : corruption) {
            input = augmentation.apply(input, random);
        }
        return input;
    }

    private INDArray target(INDArray clean) {
        return segmentation ? clean.gt(threshold).castTo(clean.dataType()) : clean;
    }

    @Override
    public Map<String, Double> computeGradients(Update update, INDArray features, INDArray labels, long step) {
        INDArray clean = features.castTo(network.dataType());
        // a generator per step (not the runner's augmentation one): resumed runs draw the same corruption
        INDArray input = corrupt(clean, new SplittableRandom((seed * 31 + step) * 0x9E3779B97F4A7C15L));
        INDArray logits = network.forward(input, true);
        INDArray target = target(clean);
        double bce = loss.forward(List.of(logits), target);
        INDArray gradient = loss.backward().get(0);
        double dice = 0;
        if (diceWeight > 0) {
            // soft Dice on the probabilities: 1 - (2 sum(p t) + 1) / (sum(p) + sum(t) + 1), smoothed by 1
            INDArray p = Transforms.sigmoid(logits, true);
            double overlap = p.mul(target).sumNumber().doubleValue();
            double total = p.sumNumber().doubleValue() + target.sumNumber().doubleValue();
            double numerator = 2 * overlap + 1;
            double denominator = total + 1;
            dice = 1 - numerator / denominator;
            // d dice / dp = -(2 t denominator - numerator) / denominator^2; dp/dlogit = p (1 - p)
            INDArray dp = target.mul(-2 * denominator).addi(numerator).divi(denominator * denominator);
            gradient.addi(dp.muli(p).muli(p.rsub(1)).muli(diceWeight));
        }
        double value = bce + diceWeight * dice;
        network.backward(gradient);
        return diceWeight > 0 ? Map.of("loss", value, "bce", bce, "dice", dice) : Map.of("loss", value);
    }

    @Override
    public Map<String, Double> evaluate(INDArray features, INDArray labels) {
        SplittableRandom random = new SplittableRandom(EVALUATION_SEED);
        double[] sums = new double[4]; // intersection, union, correct pixels / squared error, noisy squared error
        Batches.forEach(features, null, Batches.EVALUATION, (slice, unused) -> {
            INDArray clean = slice.castTo(network.dataType());
            INDArray input = corrupt(clean, random);
            INDArray predicted = Transforms.sigmoid(network.forward(input, false), true);
            INDArray target = target(clean);
            if (segmentation) {
                INDArray mask = predicted.gt(0.5).castTo(clean.dataType());
                sums[0] += mask.mul(target).sumNumber().doubleValue();
                sums[1] += Transforms.max(mask, target, true).sumNumber().doubleValue();
                sums[2] += mask.eq(target).castTo(clean.dataType()).sumNumber().doubleValue();
            } else {
                sums[2] += Transforms.pow(predicted.sub(clean), 2, false).sumNumber().doubleValue();
                sums[3] += Transforms.pow(input.sub(clean), 2, false).sumNumber().doubleValue();
            }
        });
        long values = features.length();
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (segmentation) {
            // pooled over the test set: all pixels of all images as one mask
            metrics.put("test_iou", sums[1] == 0 ? 1.0 : sums[0] / sums[1]);
            metrics.put("test_pixel_accuracy", sums[2] / values);
        } else {
            metrics.put("test_psnr_noisy", 10 * Math.log10(values / sums[3]));
            metrics.put("test_psnr_denoised", 10 * Math.log10(values / sums[2]));
        }
        return metrics;
    }

    @Override
    public INDArray sample(INDArray features) {
        return illustrate(features, null).get(1);
    }

    /** The corrupted inputs, the predictions (probabilities) and the targets. */
    @Override
    public List<INDArray> illustrate(INDArray features, INDArray labels) {
        INDArray clean = features.castTo(network.dataType());
        INDArray input = corrupt(clean, new SplittableRandom(EVALUATION_SEED));
        return List.of(input, Transforms.sigmoid(network.forward(input, false), true), target(clean));
    }

    /**
     * Overlays (segmentation, one-channel masks): 16 inputs, then each input in grey with the predicted
     * mask in red and the target in green, yellow where they agree, captioned with the image's IoU.
     */
    @Override
    public List<Figure> figures(INDArray features, INDArray labels) {
        INDArray clean = features.get(NDArrayIndex.interval(0, Math.min(16, features.size(0)))).castTo(network.dataType());
        INDArray target = target(clean);
        if (!segmentation || target.size(1) != 1) {
            return List.of();
        }
        INDArray input = corrupt(clean, new SplittableRandom(EVALUATION_SEED));
        INDArray mask = Transforms.sigmoid(network.forward(input, false), true).gt(0.5).castTo(clean.dataType());
        double[] intersections = mask.mul(target).sum(1, 2, 3).toDoubleVector();
        double[] unions = Transforms.max(mask, target, true).sum(1, 2, 3).toDoubleVector();
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < unions.length; i++) {
            captions.add(String.format(Locale.ROOT, "IoU %.2f", unions[i] == 0 ? 1.0 : intersections[i] / unions[i]));
        }
        INDArray grey = input.mean(true, 1);
        INDArray dim = grey.mul(0.5);
        INDArray overlay = Nd4j.concat(1, dim.add(mask.mul(0.5)), dim.add(target.mul(0.5)), dim);
        return List.of(new Figure.Images("overlays", "Overlays", List.of(Nd4j.concat(1, grey, grey, grey), overlay),
                captions));
    }

    @Override
    public String headlineMetric() {
        return segmentation ? "test_iou" : "test_psnr_denoised";
    }

    @Override
    public List<String> contributionIds() {
        return ids;
    }
}
