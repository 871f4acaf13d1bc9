package io.latentlab.models.ae;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.latentlab.core.loss.Loss;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.TrainedNetwork;
import io.latentlab.core.model.Update;
import io.latentlab.engine.Batches;
import io.latentlab.engine.ClassLabels;
import io.latentlab.engine.ModelStep;
import io.latentlab.engine.Network;
import io.latentlab.engine.NetworkSpec;

/**
 * The stacked autoencoder's training, in phases decided by the step number alone (so that a
 * resumed run is in the same phase): phase i (1..L) trains encoder layer i with its decoder to
 * reconstruct layer i's input, the earlier layers frozen; phase L + 1 fine-tunes all layers
 * and the head on the labels. The engine counts each network's optimizer steps from its first
 * update, and fine-tuning starts the layers' optimizers afresh, as a separate training would.
 */
final class StackedAutoencoderModel implements Model {

    private final List<Network> layers;
    private final List<Network> decoders;
    private final Network head;
    private final Loss pixelLoss;
    private final Loss featureLoss;
    private final Loss headLoss;
    private final boolean logistic;
    private final int classes;
    private final long stepsPerLayer;
    private final double pretrainRateScale;
    private final List<String> ids;

    StackedAutoencoderModel(List<Network> layers, List<Network> decoders, Network head, Loss pixelLoss, Loss featureLoss,
            Loss headLoss, boolean logistic, int classes, long stepsPerLayer, double pretrainRateScale, List<String> ids) {
        this.layers = List.copyOf(layers);
        this.decoders = List.copyOf(decoders);
        this.head = head;
        this.pixelLoss = pixelLoss;
        this.featureLoss = featureLoss;
        this.headLoss = headLoss;
        this.logistic = logistic;
        this.classes = classes;
        this.stepsPerLayer = stepsPerLayer;
        this.pretrainRateScale = pretrainRateScale;
        this.ids = List.copyOf(ids);
    }

    @Override
    public List<TrainedNetwork> networks() {
        List<TrainedNetwork> networks = new ArrayList<>(layers);
        networks.addAll(decoders);
        networks.add(head);
        return networks;
    }

    /** @return the step at which fine-tuning starts */
    long fineTuningStart() {
        return layers.size() * stepsPerLayer + 1;
    }

    /**
     * Pre-training layer i trains it and its decoder at the scaled rate; fine-tuning trains every
     * layer and the head, the layers' optimizers starting afresh where it begins.
     */
    @Override
    public List<Update> updates(long step) {
        if (step < fineTuningStart()) {
            int layer = (int) ((step - 1) / stepsPerLayer);
            return List.of(new Update(ModelStep.DEFAULT_UPDATE, List.of(layers.get(layer).name(),
                    decoders.get(layer).name()), pretrainRateScale, false));
        }
        List<String> trained = new ArrayList<>(layers.stream().map(Network::name).toList());
        trained.add(head.name());
        return List.of(new Update(ModelStep.DEFAULT_UPDATE, trained, 1.0, step == fineTuningStart() && stepsPerLayer > 0));
    }

    @Override
    public Map<String, Double> computeGradients(Update update, INDArray features, INDArray labels, long step) {
        INDArray x = features.castTo(head.dataType());
        return step < fineTuningStart() ? pretrain((int) ((step - 1) / stepsPerLayer), x) : fineTune(x, labels);
    }

    private Map<String, Double> pretrain(int layer, INDArray x) {
        INDArray input = x;
        for (int j = 0; j < layer; j++) {
            input = layers.get(j).forward(input, false); // frozen: no dropout, no batch statistics
        }
        Network encoder = layers.get(layer);
        Network decoder = decoders.get(layer);
        INDArray reconstruction = decoder.forward(encoder.forward(input, true), true);
        Loss loss = layer == 0 ? pixelLoss : featureLoss; // pixels in [0, 1]; hidden features unbounded
        double value = loss.forward(List.of(reconstruction), input);
        decoder.backward(loss.backward().get(0));
        encoder.backward(decoder.inputGradient(NetworkSpec.INPUT));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", value);
        metrics.put("phase", layer + 1.0);
        return metrics;
    }

    private Map<String, Double> fineTune(INDArray x, INDArray labels) {
        if (labels == null) {
            throw new IllegalArgumentException("fine-tuning a stacked autoencoder needs labels; the dataset gave none");
        }
        INDArray scores = classify(x, true);
        INDArray target = ClassLabels.oneHot(labels, classes, head.dataType());
        double value = headLoss.forward(List.of(scores), target);
        double accuracy = (double) ClassLabels.correct(scores, labels) / x.size(0);
        head.backward(headLoss.backward().get(0));
        INDArray gradient = head.inputGradient(NetworkSpec.INPUT);
        for (int i = layers.size() - 1; i >= 0; i--) {
            layers.get(i).backward(gradient);
            if (i > 0) {
                gradient = layers.get(i).inputGradient(NetworkSpec.INPUT);
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", value);
        metrics.put("accuracy", accuracy);
        metrics.put("phase", layers.size() + 1.0);
        return metrics;
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
    public List<String> contributionIds() {
        return ids;
    }
}
