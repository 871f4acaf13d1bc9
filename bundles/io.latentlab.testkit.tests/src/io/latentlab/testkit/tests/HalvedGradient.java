package io.latentlab.testkit.tests;

import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.core.model.Model;
import io.latentlab.core.model.TrainedNetwork;
import io.latentlab.core.model.Update;

/** A model with a bug: its gradients are half what they should be (proves the gradient check can fail). */
final class HalvedGradient implements Model {

    private final Model model;

    HalvedGradient(Model model) {
        this.model = model;
    }

    @Override
    public List<TrainedNetwork> networks() {
        return model.networks();
    }

    @Override
    public List<Update> updates(long step) {
        return model.updates(step);
    }

    @Override
    public Map<String, Double> computeGradients(Update update, INDArray features, INDArray labels, long step) {
        Map<String, Double> metrics = model.computeGradients(update, features, labels, step);
        model.networks().forEach(network -> network.gradients().muli(0.5));
        return metrics;
    }

    @Override
    public Map<String, Double> evaluate(INDArray features, INDArray labels) {
        return model.evaluate(features, labels);
    }

    @Override
    public INDArray sample(INDArray features) {
        return model.sample(features);
    }

    @Override
    public String headlineMetric() {
        return model.headlineMetric();
    }

    @Override
    public List<String> contributionIds() {
        return model.contributionIds();
    }
}
