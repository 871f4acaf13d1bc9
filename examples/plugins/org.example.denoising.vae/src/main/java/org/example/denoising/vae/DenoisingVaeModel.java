package org.example.denoising.vae;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.latentlab.core.model.Figure;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.TrainedNetwork;
import io.latentlab.core.model.Update;
import io.latentlab.models.vae.VaeModel;

/** The VAE with its inputs corrupted; everything else is the VAE's (and the engine's). */
final class DenoisingVaeModel implements Model {

    /** Evaluation draws its noise from this step number, the same every time: comparable test figures. */
    private static final long EVALUATION = 0;

    private final VaeModel vae;
    private final double noise;
    private final long seed;
    private final Random random;

    DenoisingVaeModel(VaeModel vae, double noise, long seed) {
        this.vae = vae;
        this.noise = noise;
        this.seed = seed;
        this.random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
    }

    /**
     * x + N(0, noise^2), clipped to [0, 1]. The noise is a function of the seed and the step, so
     * a resumed run draws what an uninterrupted one would and the model keeps no extra state.
     */
    private INDArray corrupt(INDArray x, long step) {
        INDArray noisy = Nd4j.createUninitialized(x.dataType(), x.shape());
        random.setSeed(seed * 1_000_003L + step);
        Nd4j.getExecutioner().exec(new GaussianDistribution(noisy, 0.0, noise), random);
        noisy.addi(x);
        return Transforms.min(Transforms.max(noisy, 0.0, false), 1.0, false);
    }

    @Override
    public List<TrainedNetwork> networks() {
        return vae.networks();
    }

    @Override
    public Map<String, Double> computeGradients(Update update, INDArray features, INDArray labels, long step) {
        return vae.computeGradients(corrupt(features, step), features, labels);
    }

    @Override
    public Map<String, Double> evaluate(INDArray features, INDArray labels) {
        INDArray noisy = corrupt(features, EVALUATION);
        Map<String, Double> metrics = new LinkedHashMap<>(vae.evaluate(noisy, features, labels));
        metrics.put("test_psnr_noisy", psnr(noisy, features));
        metrics.put("test_psnr_denoised", psnr(vae.reconstruct(noisy, labels), features));
        metrics.put("test_psnr_gain", metrics.get("test_psnr_denoised") - metrics.get("test_psnr_noisy"));
        return metrics;
    }

    /** Peak signal-to-noise ratio in dB for images in [0, 1]. */
    private static double psnr(INDArray image, INDArray reference) {
        INDArray difference = image.castTo(reference.dataType()).sub(reference);
        double meanSquare = difference.muli(difference).meanNumber().doubleValue();
        return 10 * Math.log10(1 / Math.max(meanSquare, 1e-12));
    }

    /** What it makes of noisy versions of these images: the denoised images. */
    @Override
    public INDArray sample(INDArray features) {
        return vae.reconstruct(corrupt(features, EVALUATION), null);
    }

    /** Noisy input, denoised output and the clean image, one band each. */
    @Override
    public List<INDArray> illustrate(INDArray features, INDArray labels) {
        INDArray noisy = corrupt(features, EVALUATION);
        return List.of(noisy, vae.reconstruct(noisy, null), features);
    }

    /**
     * A page of its own in the run editor: how many dB the model gains on each of the first 16 test
     * images (a bar below zero is an image it makes worse).
     */
    @Override
    public List<Figure> figures(INDArray features, INDArray labels) {
        double[] gains = new double[(int) Math.min(16, features.size(0))];
        for (int i = 0; i < gains.length; i++) {
            INDArray clean = features.get(NDArrayIndex.interval(i, i + 1));
            INDArray noisy = corrupt(clean, EVALUATION + i);
            gains[i] = psnr(vae.reconstruct(noisy, null), clean) - psnr(noisy, clean);
        }
        return List.of(new Figure.Bars("psnr-gain", "PSNR gain", "test image", "dB gained by denoising", gains));
    }

    @Override
    public INDArray encode(INDArray features) {
        return vae.encode(features);
    }

    @Override
    public INDArray decode(INDArray codes) {
        return vae.decode(codes);
    }

    @Override
    public int latentDimensions() {
        return vae.latentDimensions();
    }

    @Override
    public String headlineMetric() {
        return "test_psnr_denoised";
    }

    @Override
    public List<String> contributionIds() {
        return vae.contributionIds();
    }
}
