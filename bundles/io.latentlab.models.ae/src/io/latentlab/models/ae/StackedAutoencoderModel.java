package io.latentlab.models.ae;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.latentlab.core.loss.Loss;
import io.latentlab.core.model.Model;
import io.latentlab.core.optim.Optimizer;
import io.latentlab.engine.Batches;
import io.latentlab.engine.ClassLabels;
import io.latentlab.engine.Network;
import io.latentlab.engine.NetworkState;
import io.latentlab.engine.NonFiniteException;

/**
 * The stacked autoencoder's training, in phases decided by the step number alone (so that a
 * resumed run is in the same phase): phase i (1..L) trains encoder layer i with its decoder to
 * reconstruct layer i's input, the earlier layers frozen; phase L + 1 fine-tunes all layers
 * and the head on the labels. Each phase counts optimizer steps from 1 and fine-tuning starts
 * from fresh optimizer state, as a separate training would.
 */
final class StackedAutoencoderModel implements Model {

    private final List<Network> layers;
    private final List<Network> decoders;
    private final Network head;
    private final List<Optimizer> layerOptimizers;
    private final List<Optimizer> decoderOptimizers;
    private final Optimizer headOptimizer;
    private final Loss pixelLoss;
    private final Loss featureLoss;
    private final Loss headLoss;
    private final boolean logistic;
    private final int classes;
    private final long stepsPerLayer;
    private final double pretrainRateScale;
    private final List<String> ids;
    private boolean initialized;

    StackedAutoencoderModel(List<Network> layers, List<Network> decoders, Network head, List<Optimizer> layerOptimizers,
            List<Optimizer> decoderOptimizers, Optimizer headOptimizer, Loss pixelLoss, Loss featureLoss, Loss headLoss,
            boolean logistic, int classes, long stepsPerLayer, double pretrainRateScale, List<String> ids) {
        this.layers = List.copyOf(layers);
        this.decoders = List.copyOf(decoders);
        this.head = head;
        this.layerOptimizers = List.copyOf(layerOptimizers);
        this.decoderOptimizers = List.copyOf(decoderOptimizers);
        this.headOptimizer = headOptimizer;
        this.pixelLoss = pixelLoss;
        this.featureLoss = featureLoss;
        this.headLoss = headLoss;
        this.logistic = logistic;
        this.classes = classes;
        this.stepsPerLayer = stepsPerLayer;
        this.pretrainRateScale = pretrainRateScale;
        this.ids = List.copyOf(ids);
    }

    private void initialize() {
        if (!initialized) {
            for (int i = 0; i < layers.size(); i++) {
                layerOptimizers.get(i).initialize(layers.get(i).parameters().trainableCount(), layers.get(i).dataType());
            }
            for (int i = 0; i < decoders.size(); i++) {
                decoderOptimizers.get(i).initialize(decoders.get(i).parameters().trainableCount(),
                        decoders.get(i).dataType());
            }
            headOptimizer.initialize(head.parameters().trainableCount(), head.dataType());
            initialized = true;
        }
    }

    /** @return the step at which fine-tuning starts */
    long fineTuningStart() {
        return layers.size() * stepsPerLayer + 1;
    }

    @Override
    public Map<String, Double> trainStep(INDArray features, INDArray labels, long step, long totalSteps) {
        initialize();
        INDArray x = features.castTo(head.dataType());
        return step < fineTuningStart() ? pretrain((int) ((step - 1) / stepsPerLayer), x, step)
                : fineTune(x, labels, step);
    }

    private Map<String, Double> pretrain(int layer, INDArray x, long step) {
        long local = step - layer * stepsPerLayer;
        INDArray input = x;
        for (int j = 0; j < layer; j++) {
            input = layers.get(j).forward(input, false); // frozen: no dropout, no batch statistics
        }
        Network encoder = layers.get(layer);
        Network decoder = decoders.get(layer);
        INDArray reconstruction = decoder.forward(encoder.forward(input, true), true);
        Loss loss = layer == 0 ? pixelLoss : featureLoss; // pixels in [0, 1]; hidden features unbounded
        double value = loss.forward(List.of(reconstruction), input);
        check(value, step, encoder, decoder);
        decoder.backward(loss.backward().get(0));
        encoder.backward(decoder.inputGradient("input"));
        update(encoder, layerOptimizers.get(layer), local, pretrainRateScale);
        update(decoder, decoderOptimizers.get(layer), local, pretrainRateScale);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", value);
        metrics.put("phase", layer + 1.0);
        return metrics;
    }

    private Map<String, Double> fineTune(INDArray x, INDArray labels, long step) {
        if (labels == null) {
            throw new IllegalArgumentException("fine-tuning a stacked autoencoder needs labels; the dataset gave none");
        }
        long local = step - fineTuningStart() + 1;
        if (local == 1 && stepsPerLayer > 0) {
            layerOptimizers.forEach(optimizer -> optimizer.state().values().forEach(array -> array.assign(0)));
        }
        INDArray scores = classify(x, true);
        INDArray target = ClassLabels.oneHot(labels, classes, head.dataType());
        double value = headLoss.forward(List.of(scores), target);
        check(value, step, head, layers.get(0));
        double accuracy = (double) ClassLabels.correct(scores, labels) / x.size(0);
        head.backward(headLoss.backward().get(0));
        INDArray gradient = head.inputGradient("input");
        for (int i = layers.size() - 1; i >= 0; i--) {
            layers.get(i).backward(gradient);
            if (i > 0) {
                gradient = layers.get(i).inputGradient("input");
            }
        }
        for (int i = 0; i < layers.size(); i++) {
            update(layers.get(i), layerOptimizers.get(i), local, 1);
        }
        update(head, headOptimizer, local, 1);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", value);
        metrics.put("accuracy", accuracy);
        metrics.put("phase", layers.size() + 1.0);
        return metrics;
    }

    private static void update(Network network, Optimizer optimizer, long step, double rateScale) {
        optimizer.step(network.parameters().parameters(), network.parameters().gradients(), step,
                optimizer.learningRate() * rateScale);
    }

    private static void check(double value, long step, Network... networks) {
        if (!Double.isFinite(value)) {
            StringBuilder where = new StringBuilder();
            for (Network network : networks) {
                if (where.isEmpty() && network.firstNonFinite() != null) {
                    where.append(network.firstNonFinite());
                }
            }
            throw new NonFiniteException("loss became " + value + " at step " + step + "; first non-finite value: " + where);
        }
    }

    /** @return the head's scores (logits for the logistic head), a reused buffer */
    private INDArray classify(INDArray x, boolean training) {
        INDArray h = x;
        for (Network layer : layers) {
            h = layer.forward(h, training);
        }
        return head.forward(h, training);
    }

    @Override
    public Map<String, Double> evaluate(INDArray features, INDArray labels) {
        double[] sums = new double[2]; // correct, loss summed over slices
        Batches.forEach(features, labels, Batches.EVALUATION, (slice, sliceLabels) -> {
            INDArray scores = classify(slice.castTo(head.dataType()), false);
            sums[0] += ClassLabels.correct(scores, sliceLabels);
            sums[1] += headLoss.forward(List.of(scores), ClassLabels.oneHot(sliceLabels, classes, head.dataType()))
                    * slice.size(0);
        });
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_accuracy", sums[0] / features.size(0));
        metrics.put("test_loss", sums[1] / features.size(0));
        return metrics;
    }

    @Override
    public INDArray classProbabilities(INDArray features) {
        return Batches.map(features, Batches.EVALUATION, slice -> {
            INDArray scores = classify(slice.castTo(head.dataType()), false);
            return logistic ? Transforms.softmax(scores, true) : scores.dup();
        });
    }

    /** The first layer's autoencoder reconstructions (what pre-training learnt); the inputs without pre-training. */
    @Override
    public INDArray sample(INDArray features) {
        if (decoders.isEmpty()) {
            return features;
        }
        return decoders.get(0).forward(layers.get(0).forward(features.castTo(head.dataType()), false), false).dup();
    }

    @Override
    public List<INDArray> illustrate(INDArray features, INDArray labels) {
        return decoders.isEmpty() ? List.of(features) : Model.super.illustrate(features, labels);
    }

    @Override
    public INDArray encode(INDArray features) {
        return Batches.map(features, Batches.EVALUATION, slice -> {
            INDArray h = slice.castTo(head.dataType());
            for (Network layer : layers) {
                h = layer.forward(h, false);
            }
            return h.reshape(slice.size(0), h.length() / slice.size(0));
        });
    }

    @Override
    public String headlineMetric() {
        return "test_accuracy";
    }

    @Override
    public Map<String, INDArray> state() {
        initialize();
        Map<String, INDArray> state = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            NetworkState.collect(state, "layer" + i + "/", layers.get(i), layerOptimizers.get(i));
        }
        for (int i = 0; i < decoders.size(); i++) {
            NetworkState.collect(state, "decoder" + i + "/", decoders.get(i), decoderOptimizers.get(i));
        }
        NetworkState.collect(state, "head/", head, headOptimizer);
        return state;
    }

    @Override
    public void restore(Map<String, INDArray> saved) {
        initialize();
        for (int i = 0; i < layers.size(); i++) {
            NetworkState.restore(saved, "layer" + i + "/", layers.get(i), layerOptimizers.get(i));
        }
        for (int i = 0; i < decoders.size(); i++) {
            NetworkState.restore(saved, "decoder" + i + "/", decoders.get(i), decoderOptimizers.get(i));
        }
        NetworkState.restore(saved, "head/", head, headOptimizer);
    }

    @Override
    public List<String> contributionIds() {
        return ids;
    }
}
