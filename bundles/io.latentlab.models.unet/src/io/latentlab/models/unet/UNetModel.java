package io.latentlab.models.unet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.latentlab.core.data.Augmentation;
import io.latentlab.core.loss.Loss;
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

    @Override
    public String headlineMetric() {
        return segmentation ? "test_iou" : "test_psnr_denoised";
    }

    @Override
    public List<String> contributionIds() {
        return ids;
    }
}
