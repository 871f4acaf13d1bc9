package io.latentlab.models.vae;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.latentlab.core.loss.Loss;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.TrainedNetwork;
import io.latentlab.core.model.Update;
import io.latentlab.engine.Batches;
import io.latentlab.engine.ClassLabels;
import io.latentlab.engine.Network;
import io.latentlab.engine.NetworkSpec;

/**
 * The trainable VAE: one encoder with two heads, one decoder. Other model bundles build on it
 * through {@link Vae#build}: its input and its reconstruction target may differ
 * ({@link #computeGradients(INDArray, INDArray, INDArray)}), e.g. for a denoising VAE.
 */
public final class VaeModel implements Model {

    private final Network encoder;
    private final Network decoder;
    private final Loss reconstruction;
    private final Loss kl;
    private final double beta;
    private final int conditions;
    private final List<String> ids;

    VaeModel(Network encoder, Network decoder, Loss reconstruction, Loss kl, double beta, int conditions, List<String> ids) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.reconstruction = reconstruction;
        this.kl = kl;
        this.beta = beta;
        this.conditions = conditions;
        this.ids = List.copyOf(ids);
    }

    @Override
    public List<TrainedNetwork> networks() {
        return List.of(encoder, decoder);
    }

    /** The encoder's input: the image, or for a conditional VAE the flattened image and the one-hot label. */
    private INDArray encoderInput(INDArray x, INDArray labels) {
        if (conditions == 0) {
            return x;
        }
        return Nd4j.hstack(x.reshape(x.size(0), x.length() / x.size(0)), oneHot(labels, x.size(0)));
    }

    /** The decoder's input: z, or z and the one-hot label. */
    private INDArray decoderInput(INDArray z, INDArray labels) {
        return conditions == 0 ? z : Nd4j.hstack(z, oneHot(labels, z.size(0)));
    }

    private INDArray oneHot(INDArray labels, long count) {
        if (labels == null) {
            throw new UnsupportedOperationException("a conditional VAE needs the labels of its examples");
        }
        return ClassLabels.oneHot(labels.get(NDArrayIndex.interval(0, count)), conditions, encoder.dataType());
    }

    /** The noise of the reparameterisation, drawn from the encoder's seeded generator. */
    private INDArray noise(long[] shape) {
        INDArray eps = Nd4j.createUninitialized(encoder.dataType(), shape);
        Nd4j.getExecutioner().exec(new GaussianDistribution(eps, 0.0, 1.0), encoder.random());
        return eps;
    }

    @Override
    public Map<String, Double> computeGradients(Update update, INDArray features, INDArray labels, long step) {
        return computeGradients(features, features, labels);
    }

    /**
     * The negative ELBO of reconstructing {@code target} from {@code input}, and its gradients.
     *
     * @param input what the encoder reads
     * @param target what the decoder must reproduce (the same shape as input)
     * @param labels class labels, needed only by a conditional VAE
     * @return loss, reconstruction and kl, in nats per image
     */
    public Map<String, Double> computeGradients(INDArray input, INDArray target, INDArray labels) {
        INDArray x = input.castTo(encoder.dataType());
        INDArray t = target.castTo(encoder.dataType());
        List<INDArray> heads = encoder.forward(Map.of(NetworkSpec.INPUT, encoderInput(x, labels)), true);
        INDArray mean = heads.get(0);
        INDArray logVariance = heads.get(1);
        INDArray sigma = Transforms.exp(logVariance.mul(0.5), false);
        INDArray eps = noise(mean.shape());
        INDArray z = eps.mul(sigma).addi(mean);
        INDArray reconstructed = decoder.forward(decoderInput(z, labels), true);
        double reconstructionLoss = reconstruction.forward(List.of(reconstructed), t);
        double klLoss = kl.forward(List.of(mean, logVariance), null);
        decoder.backward(reconstruction.backward().get(0));
        INDArray dz = decoder.inputGradient(NetworkSpec.INPUT);
        if (conditions > 0) {
            dz = dz.get(NDArrayIndex.all(), NDArrayIndex.interval(0, mean.size(1))); // not the label's columns
        }
        List<INDArray> klGradients = kl.backward();
        // z = mu + eps * exp(logvar / 2): dz/dmu = 1, dz/dlogvar = eps * sigma / 2
        INDArray dMean = dz.add(klGradients.get(0).mul(beta));
        INDArray dLogVariance = dz.mul(eps).muli(sigma).muli(0.5).addi(klGradients.get(1).mul(beta));
        encoder.backward(Map.of(Vae.MEAN, dMean, Vae.LOG_VARIANCE, dLogVariance));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", reconstructionLoss + beta * klLoss);
        metrics.put("reconstruction", reconstructionLoss);
        metrics.put("kl", klLoss);
        return metrics;
    }

    @Override
    public Map<String, Double> evaluate(INDArray features, INDArray labels) {
        return evaluate(features, features, labels);
    }

    /** Test negative ELBO, reconstruction and KL of reconstructing {@code target} from {@code input}, per image. */
    public Map<String, Double> evaluate(INDArray input, INDArray target, INDArray labels) {
        double[] sums = new double[2]; // reconstruction, KL; both summed over images
        long count = input.size(0);
        for (long from = 0; from < count; from += Batches.EVALUATION) {
            var rows = NDArrayIndex.interval(from, Math.min(count, from + Batches.EVALUATION));
            INDArray x = input.get(rows).castTo(encoder.dataType());
            INDArray t = target.get(rows).castTo(encoder.dataType());
            INDArray sliceLabels = labels == null ? null : labels.get(rows);
            List<INDArray> heads = encoder.forward(Map.of(NetworkSpec.INPUT, encoderInput(x, sliceLabels)), false);
            INDArray mean = heads.get(0).dup();
            INDArray logVariance = heads.get(1).dup();
            INDArray z = noise(mean.shape()).muli(Transforms.exp(logVariance.mul(0.5), false)).addi(mean);
            INDArray reconstructed = decoder.forward(decoderInput(z, sliceLabels), false);
            sums[0] += reconstruction.forward(List.of(reconstructed), t) * x.size(0);
            sums[1] += kl.forward(List.of(mean, logVariance), null) * x.size(0);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_neg_elbo", (sums[0] + sums[1]) / count);
        metrics.put("test_reconstruction", sums[0] / count);
        metrics.put("test_kl", sums[1] / count);
        return metrics;
    }

    @Override
    public INDArray sample(INDArray features) {
        return reconstruct(features, null);
    }

    /**
     * The decoded posterior means of {@code features}.
     *
     * @param labels class labels, needed only by a conditional VAE
     */
    public INDArray reconstruct(INDArray features, INDArray labels) {
        INDArray x = features.castTo(encoder.dataType());
        INDArray mean = encoder.forward(Map.of(NetworkSpec.INPUT, encoderInput(x, labels)), false).get(0).dup();
        return decoder.forward(decoderInput(mean, labels), false).dup();
    }

    @Override
    public List<INDArray> illustrate(INDArray features, INDArray labels) {
        return List.of(features, reconstruct(features, labels));
    }

    @Override
    public INDArray encode(INDArray features) {
        if (conditions > 0) {
            throw new UnsupportedOperationException("a conditional VAE's codes depend on the label it is given; its"
                    + " latent space holds style, not class");
        }
        return Batches.map(features, Batches.EVALUATION,
                slice -> encoder.forward(Map.of(NetworkSpec.INPUT, slice.castTo(encoder.dataType())), false).get(0)); // posterior means
    }

    private long latentSize() {
        return decoder.inputShapes().values().iterator().next().dim(0) - conditions;
    }

    /** For a conditional VAE, code i is decoded as class i mod classes: a grid shows each class in turn. */
    @Override
    public INDArray decode(INDArray codes) {
        INDArray z = codes.castTo(decoder.dataType());
        INDArray labels = null;
        if (conditions > 0) {
            labels = Nd4j.create(DataType.LONG, z.size(0), 1);
            for (long i = 0; i < z.size(0); i++) {
                labels.putScalar(i, 0, i % conditions);
            }
        }
        return decoder.forward(decoderInput(z, labels), false).dup();
    }

    @Override
    public int latentDimensions() {
        return (int) latentSize();
    }

    @Override
    public String headlineMetric() {
        return "test_neg_elbo";
    }

    @Override
    public List<String> contributionIds() {
        return ids;
    }
}
