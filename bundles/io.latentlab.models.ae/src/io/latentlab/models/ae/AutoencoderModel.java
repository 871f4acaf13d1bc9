package io.latentlab.models.ae;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.latentlab.core.Parameters;
import io.latentlab.core.loss.Loss;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.TrainedNetwork;
import io.latentlab.core.model.Update;
import io.latentlab.engine.Batches;
import io.latentlab.engine.Network;
import io.latentlab.nd4j.Reductions;

/**
 * The trainable autoencoder: reconstruction loss, optionally from a noisy input (denoising)
 * and with a KL sparsity penalty on the code (sparse).
 */
final class AutoencoderModel implements Model {

    /** The name of its one network (encoder and decoder). */
    static final String NETWORK = "autoencoder";

    private final Network network;
    private final Loss loss;
    private final String codeNode;
    private final String lossId;
    private final List<String> ids;
    private final double noise;
    private final double sparsityWeight;
    private final double sparsityTarget;

    AutoencoderModel(Network network, Loss loss, Parameters parameters, String codeNode, String lossId, List<String> ids) {
        this.network = network;
        this.loss = loss;
        this.codeNode = codeNode;
        this.lossId = lossId;
        this.ids = List.copyOf(ids);
        Autoencoder.Settings settings = parameters.as(Autoencoder.Settings.class);
        this.noise = settings.noiseStd();
        this.sparsityWeight = settings.sparsityWeight();
        this.sparsityTarget = settings.sparsityTarget();
    }

    @Override
    public List<TrainedNetwork> networks() {
        return List.of(network);
    }

    /** x + N(0, noise^2), clipped to [0, 1], from the network's seeded generator. */
    private INDArray noisy(INDArray x) {
        INDArray noisy = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.getExecutioner().exec(new GaussianDistribution(noisy, 0.0, noise), network.random());
        noisy.addi(x);
        return Transforms.min(Transforms.max(noisy, 0.0, false), 1.0, false);
    }

    @Override
    public Map<String, Double> computeGradients(Update update, INDArray features, INDArray labels, long step) {
        INDArray x = features.castTo(network.dataType());
        INDArray output = network.forward(noise > 0 ? noisy(x) : x, true);
        double reconstruction = loss.forward(List.of(output), x);
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        gradients.put(network.outputs().get(0), loss.backward().get(0));
        double sparsity = 0;
        if (sparsityWeight > 0) {
            // KL(rho || rho^) per code unit, rho^ the unit's mean activation over the batch
            INDArray code = network.activation(codeNode);
            INDArray mean = Transforms.min(Transforms.max(code.mean(true, 0), 1e-6, false), 1 - 1e-6, false);
            double rho = sparsityTarget;
            INDArray kl = Transforms.log(mean.rdiv(rho), true).muli(rho)
                    .addi(Transforms.log(mean.rsub(1).rdivi(1 - rho), false).muli(1 - rho));
            sparsity = sparsityWeight * kl.sumNumber().doubleValue();
            INDArray perUnit = mean.rdiv(-rho).addi(mean.rsub(1).rdivi(1 - rho)).muli(sparsityWeight / code.size(0));
            gradients.put(codeNode, Nd4j.ones(code.dataType(), code.shape()).muliRowVector(perUnit));
        }
        network.backward(gradients);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", reconstruction + sparsity);
        if (sparsityWeight > 0) {
            metrics.put("reconstruction", reconstruction);
            metrics.put("sparsity", sparsity);
        }
        return metrics;
    }

    @Override
    public Map<String, Double> evaluate(INDArray features, INDArray labels) {
        double[] sums = new double[4]; // BCE, squared error, squared noise, the chosen loss times the slice size
        long values = features.length();
        boolean ownLoss = !"bce".equals(lossId) && !"mse".equals(lossId);
        Batches.forEach(features, null, Batches.EVALUATION, (slice, unused) -> {
            INDArray x = slice.castTo(network.dataType());
            INDArray input = noise > 0 ? noisy(x) : x;
            INDArray output = network.forward(input, false);
            if (ownLoss) {
                sums[3] += loss.forward(List.of(output), x) * x.size(0);
            }
            // sums by BLAS; each slice's temporaries are freed at once rather than when the garbage
            // collector finds them (twenty slices of a 10k test set would otherwise stay resident)
            INDArray logP = Transforms.min(Transforms.max(output, 1e-7, true), 1 - 1e-7, false);
            INDArray logNotP = Transforms.log(logP.rsub(1), false);
            Transforms.log(logP, false);
            INDArray notX = x.rsub(1);
            sums[0] -= Reductions.dot(x, logP) + Reductions.dot(notX, logNotP);
            INDArray difference = output.sub(x);
            sums[1] += Reductions.sumOfSquares(difference);
            close(logP, logNotP, notX, difference);
            if (noise > 0) {
                INDArray noiseOnly = input.sub(x);
                sums[2] += Reductions.sumOfSquares(noiseOnly);
                close(noiseOnly, input);
            }
        });
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_bce", sums[0] / values);
        metrics.put("test_mse", sums[1] / values);
        if (ownLoss) {
            metrics.put("test_" + lossId, sums[3] / features.size(0));
        }
        if (noise > 0) {
            // PSNR for images in [0, 1]: 10 log10(1 / MSE)
            metrics.put("test_psnr_noisy", 10 * Math.log10(values / sums[2]));
            metrics.put("test_psnr_denoised", 10 * Math.log10(values / sums[1]));
            metrics.put("test_psnr_gain", metrics.get("test_psnr_denoised") - metrics.get("test_psnr_noisy"));
        }
        return metrics;
    }

    private static void close(INDArray... arrays) {
        for (INDArray array : arrays) {
            if (array.closeable()) {
                array.close();
            }
        }
    }

        @Override
    public INDArray sample(INDArray features) {
        INDArray x = features.castTo(network.dataType());
        return network.forward(noise > 0 ? noisy(x) : x, false).dup();
    }

    /** A denoising autoencoder shows the noisy input, its output and the clean image. */
    @Override
    public List<INDArray> illustrate(INDArray features, INDArray labels) {
        if (noise == 0) {
            return Model.super.illustrate(features, labels);
        }
        INDArray x = features.castTo(network.dataType());
        INDArray input = noisy(x);
        return List.of(input, network.forward(input, false).dup(), x);
    }

    @Override
    public INDArray anomalyScores(INDArray features) {
        return Batches.map(features, Batches.EVALUATION, slice -> {
            INDArray x = slice.castTo(network.dataType());
            INDArray difference = network.forward(x, false).sub(x);
            return difference.muli(difference).reshape(x.size(0), x.length() / x.size(0)).mean(1);
        }); // mean squared reconstruction error per example
    }

    @Override
    public INDArray encode(INDArray features) {
        return Batches.map(features, Batches.EVALUATION, slice -> {
            network.forward(slice.castTo(network.dataType()), false);
            INDArray code = network.activation(codeNode);
            return code.reshape(slice.size(0), code.length() / slice.size(0));
        });
    }

    @Override
    public String headlineMetric() {
        return noise > 0 ? "test_psnr_denoised" : "test_" + lossId;
    }

    @Override
    public List<String> contributionIds() {
        return ids;
    }
}
