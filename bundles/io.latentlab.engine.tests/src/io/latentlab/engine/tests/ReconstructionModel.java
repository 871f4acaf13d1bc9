package io.latentlab.engine.tests;

import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.loss.Loss;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.TrainedNetwork;
import io.latentlab.core.model.Update;
import io.latentlab.engine.Losses;
import io.latentlab.engine.Network;
import io.latentlab.engine.NetworkSpec;

/** The smallest model: one network trained to reproduce its input with binary cross-entropy. */
final class ReconstructionModel implements Model {

    private final Network network;
    private final Loss loss;

    ReconstructionModel(NetworkSpec spec, ContributionRegistry registry, DataType dataType, long seed) {
        this.network = Network.build("network", spec, registry, dataType, seed);
        this.loss = Losses.create(registry, "bce", Map.of());
    }

    Network network() {
        return network;
    }

    @Override
    public List<TrainedNetwork> networks() {
        return List.of(network);
    }

    @Override
    public Map<String, Double> computeGradients(Update update, INDArray features, INDArray labels, long step) {
        INDArray x = features.castTo(network.dataType());
        double value = loss.forward(List.of(network.forward(x, true)), x);
        network.backward(loss.backward().get(0));
        return Map.of("loss", value);
    }

    @Override
    public Map<String, Double> evaluate(INDArray features, INDArray labels) {
        INDArray x = features.castTo(network.dataType());
        return Map.of("test_bce", loss.forward(List.of(network.forward(x, false)), x));
    }

    @Override
    public INDArray sample(INDArray features) {
        return network.forward(features.castTo(network.dataType()), false).dup();
    }

    @Override
    public String headlineMetric() {
        return "test_bce";
    }

    @Override
    public List<String> contributionIds() {
        return List.copyOf(network.contributionIds());
    }
}
