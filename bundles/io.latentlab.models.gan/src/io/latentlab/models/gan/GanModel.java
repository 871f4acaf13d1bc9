package io.latentlab.models.gan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.latentlab.core.Parameters;
import io.latentlab.core.loss.Loss;
import io.latentlab.core.model.Figure;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.TrainedNetwork;
import io.latentlab.core.model.Update;
import io.latentlab.engine.Network;
import io.latentlab.engine.NetworkSpec;

/**
 * The trainable GAN: each step, {@code d_steps} discriminator updates, then one generator update;
 * the engine gives each network its own optimizer.
 */
final class GanModel implements Model {

    /** The seed of the Fixed noise figure's codes. */
    static final long FIXED_NOISE_SEED = 64;

    /** The generator network's name (and its stack's). */
    static final String GENERATOR = "generator";
    /** The discriminator network's name (and its stack's). */
    static final String DISCRIMINATOR = "discriminator";

    private final Network generator;
    private final Network discriminator;
    private final Loss loss;
    private final long latent;
    private final List<Update> updates;
    private final double smoothing;
    private final boolean tanhRange;
    private final List<String> ids;
    private INDArray realGradients;
    private double lastScore;

    GanModel(Network generator, Network discriminator, Loss loss, Parameters parameters, List<String> ids) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.loss = loss;
        Gan.Settings settings = parameters.as(Gan.Settings.class);
        this.latent = settings.latentDim();
        this.smoothing = settings.labelSmoothing();
        this.tanhRange = "minus_one_one".equals(settings.dataRange());
        this.ids = List.copyOf(ids);
        List<Update> perStep = new ArrayList<>();
        for (int k = 0; k < settings.dSteps(); k++) {
            perStep.add(Update.of(DISCRIMINATOR, DISCRIMINATOR));
        }
        perStep.add(Update.of(GENERATOR, GENERATOR));
        this.updates = List.copyOf(perStep);
    }

    @Override
    public List<TrainedNetwork> networks() {
        return List.of(generator, discriminator);
    }

    @Override
    public List<Update> updates(long step) {
        return updates;
    }

    private INDArray noise(long count) {
        INDArray z = Nd4j.createUninitialized(generator.dataType(), count, latent);
        Nd4j.getExecutioner().exec(new GaussianDistribution(z, 0.0, 1.0), generator.random());
        return z;
    }

    /** Data in [0, 1] to the generator's range. */
    private INDArray toGeneratorRange(INDArray x) {
        INDArray real = x.castTo(generator.dataType());
        return tanhRange ? real.mul(2).subi(1) : real.dup();
    }

    private static INDArray column(long count, double value, INDArray like) {
        return Nd4j.valueArrayOf(new long[] {count, 1}, value, like.dataType());
    }

    @Override
    public Map<String, Double> computeGradients(Update update, INDArray features, INDArray labels, long step) {
        long batch = features.size(0);
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (DISCRIMINATOR.equals(update.name())) {
            INDArray fake = generator.forward(noise(batch), true).dup();
            // Real and generated images pass through D as separate batches, their gradients summed (as in the
            // DCGAN reference): one mixed batch would let batch norm in D normalise with statistics it never
            // sees in the generator step, where every image is generated, and the generator would learn nothing.
            double realLoss = discriminatorPass(toGeneratorRange(features), 1 - smoothing);
            double realScore = lastScore;
            INDArray gradients = discriminator.gradients();
            if (realGradients == null) {
                realGradients = gradients.dup();
            } else {
                realGradients.assign(gradients);
            }
            double fakeLoss = discriminatorPass(fake, 0);
            gradients.addi(realGradients);
            metrics.put("loss", realLoss + fakeLoss);
            metrics.put("d_loss", realLoss + fakeLoss);
            metrics.put("d_real", realScore);
            metrics.put("d_fake", lastScore);
            return metrics;
        }
        // Generator: non-saturating loss -log D(G(z)), back-propagated through D into G.
        INDArray generated = generator.forward(noise(batch), true);
        INDArray logits = discriminator.forward(generated, true);
        double generatorLoss = loss.forward(List.of(logits), column(batch, 1, logits));
        discriminator.backward(loss.backward().get(0));
        generator.backward(discriminator.inputGradient(NetworkSpec.INPUT));
        metrics.put("loss", generatorLoss);
        metrics.put("g_loss", generatorLoss);
        return metrics;
    }

    /** D's forward and backward on one batch with one target; returns the loss and leaves the mean score in lastScore. */
    private double discriminatorPass(INDArray images, double target) {
        INDArray logits = discriminator.forward(images, true);
        double value = loss.forward(List.of(logits), column(images.size(0), target, logits));
        lastScore = Transforms.sigmoid(logits, true).meanNumber().doubleValue();
        discriminator.backward(loss.backward().get(0));
        return value;
    }

    @Override
    public Map<String, Double> evaluate(INDArray features, INDArray labels) {
        long count = Math.min(features.size(0), 1000);
        INDArray real = toGeneratorRange(features.get(NDArrayIndex.interval(0, count)));
        double realScore = Transforms.sigmoid(discriminator.forward(real, false), true).meanNumber().doubleValue();
        INDArray fake = generator.forward(noise(count), false).dup();
        double fakeScore = Transforms.sigmoid(discriminator.forward(fake, false), true).meanNumber().doubleValue();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_d_real", realScore);
        metrics.put("test_d_fake", fakeScore);
        return metrics;
    }

    @Override
    public INDArray sample(INDArray features) {
        INDArray images = generator.forward(noise(features.size(0)), false).dup();
        return tanhRange ? images.addi(1).divi(2) : images;
    }

    /**
     * Fixed noise: 64 images from the same codes at every epoch (a fixed seed), so that the epoch
     * slider shows the generator learning rather than new draws.
     */
    @Override
    public List<Figure> figures(INDArray features, INDArray labels) {
        return List.of(new Figure.Images("fixed-noise", "Fixed noise", List.of(generate(64, FIXED_NOISE_SEED)), List.of()));
    }

    @Override
    public INDArray decode(INDArray codes) {
        INDArray images = generator.forward(codes.castTo(generator.dataType()), false).dup();
        return tanhRange ? images.addi(1).divi(2) : images;
    }

    @Override
    public int latentDimensions() {
        return (int) latent;
    }

    @Override
    public String headlineMetric() {
        return "test_d_fake";
    }

    @Override
    public List<String> contributionIds() {
        return ids;
    }
}
