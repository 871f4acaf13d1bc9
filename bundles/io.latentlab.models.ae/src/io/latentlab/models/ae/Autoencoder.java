package io.latentlab.models.ae;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.loss.Loss;
import io.latentlab.core.loss.LossFactory;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.core.optim.Optimizer;
import io.latentlab.core.optim.OptimizerFactory;
import io.latentlab.engine.Batch;
import io.latentlab.engine.LayerStacks;
import io.latentlab.engine.Network;
import io.latentlab.engine.NetworkSpec;
import io.latentlab.engine.NetworkState;
import io.latentlab.engine.NodeSpec;
import io.latentlab.engine.SupervisedStep;

/**
 * An autoencoder: encoder and decoder stacks trained to reconstruct their input. A dense first
 * layer on images gets a flatten in front, and a decoder that ends in a vector of the input's
 * size gets a reshape back, so stacks can be written as in a paper.
 */
@Component(service = ModelFactory.class)
public final class Autoencoder extends AbstractContribution implements ModelFactory {

    /** Contribution id. */
    public static final String ID = "autoencoder";

    /** Creates the contribution. */
    public Autoencoder() {
        super(ID, "Autoencoder", "Encoder and decoder trained to reconstruct the input (dense or convolutional).",
                ParameterSchema.builder()
                        .choice("loss", "bce", List.of("bce", "mse"), "reconstruction loss, per pixel")
                        .number("clip_norm", 0.0, 0.0, null, "", "rescale gradients above this global norm; 0: never")
                        .build());
    }

    @Override
    public List<String> stackNames() {
        return List.of("encoder", "decoder");
    }

    @Override
    public Model create(ModelSetup setup) {
        Shape input = setup.exampleShape();
        List<LayerEntry> encoder = setup.stacks().getOrDefault("encoder", List.of());
        List<LayerEntry> decoder = setup.stacks().getOrDefault("decoder", List.of());
        if (encoder.isEmpty() || decoder.isEmpty()) {
            throw new IllegalArgumentException("an autoencoder needs both an encoder and a decoder stack");
        }
        List<LayerEntry> layers = new ArrayList<>(encoder); // the last encoder layer's output is the code
        layers.addAll(decoder);
        List<NodeSpec> nodes = LayerStacks.nodes(layers, input);
        Network network = Network.build(NetworkSpec.sequential(input, nodes), setup.registry(), setup.dataType(),
                setup.seed());
        List<NodeSpec> reshaped = LayerStacks.endingIn(nodes, network.nodes().get(network.nodes().size() - 1).outputShape(),
                input, "decoder");
        if (reshaped != nodes) {
            network = Network.build(NetworkSpec.sequential(input, reshaped), setup.registry(), setup.dataType(), setup.seed());
        }
        String lossId = setup.parameters().getString("loss");
        LossFactory lossFactory = setup.registry().get(LossFactory.class, lossId);
        Loss loss = lossFactory.create(lossFactory.schema().resolve("loss '" + lossId + "'", Map.of()));
        ModelSetup.OptimizerChoice choice = setup.optimizerFor("encoder");
        OptimizerFactory optimizerFactory = setup.registry().get(OptimizerFactory.class, choice.id());
        Optimizer optimizer = optimizerFactory.create(choice.parameters());
        List<String> ids = new ArrayList<>(network.contributionIds());
        ids.add(lossId);
        ids.add(choice.id());
        return new AutoencoderModel(network, loss, optimizer, setup.parameters().getDouble("clip_norm"), lossId, ids);
    }

    /** The trainable autoencoder. */
    static final class AutoencoderModel implements Model {

        private static final int EVALUATION_BATCH = 500;

        private final Network network;
        private final Loss loss;
        private final Optimizer optimizer;
        private final double clipNorm;
        private final String lossId;
        private final List<String> ids;
        private SupervisedStep step;

        AutoencoderModel(Network network, Loss loss, Optimizer optimizer, double clipNorm, String lossId, List<String> ids) {
            this.network = network;
            this.loss = loss;
            this.optimizer = optimizer;
            this.clipNorm = clipNorm;
            this.lossId = lossId;
            this.ids = List.copyOf(ids);
        }

        @Override
        public Map<String, Double> trainStep(INDArray features, INDArray labels, long stepNumber, long totalSteps) {
            if (step == null) {
                step = new SupervisedStep(network, loss, optimizer, null, totalSteps, clipNorm, true);
            }
            return step.step(new Batch(features, null), stepNumber);
        }

        @Override
        public Map<String, Double> evaluate(INDArray features, INDArray labels) {
            double bce = 0;
            double squared = 0;
            long values = 0;
            for (long start = 0; start < features.size(0); start += EVALUATION_BATCH) {
                long end = Math.min(features.size(0), start + EVALUATION_BATCH);
                INDArray batch = features.get(NDArrayIndex.interval(start, end)).castTo(network.dataType());
                INDArray output = network.forward(batch, false);
                INDArray p = org.nd4j.linalg.ops.transforms.Transforms.min(
                        org.nd4j.linalg.ops.transforms.Transforms.max(output, 1e-7, true), 1 - 1e-7, false);
                INDArray logP = org.nd4j.linalg.ops.transforms.Transforms.log(p, true);
                INDArray log1mP = org.nd4j.linalg.ops.transforms.Transforms.log(p.rsub(1), false);
                bce -= logP.mul(batch).addi(log1mP.mul(batch.rsub(1))).sumNumber().doubleValue();
                INDArray difference = output.sub(batch);
                squared += difference.mul(difference).sumNumber().doubleValue();
                values += batch.length();
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("test_bce", bce / values);
            metrics.put("test_mse", squared / values);
            return metrics;
        }

        @Override
        public INDArray sample(INDArray features) {
            return network.forward(features.castTo(network.dataType()), false).dup();
        }

        @Override
        public String headlineMetric() {
            return "test_" + lossId;
        }

        @Override
        public Map<String, INDArray> state() {
            if (step == null) { // the optimizer allocates its state when training is set up
                step = new SupervisedStep(network, loss, optimizer, null, 0, clipNorm, true);
            }
            Map<String, INDArray> state = new LinkedHashMap<>();
            NetworkState.collect(state, "", network, optimizer);
            return state;
        }

        @Override
        public void restore(Map<String, INDArray> saved) {
            state(); // sets training up, so that the optimizer's state exists
            NetworkState.restore(saved, "", network, optimizer);
        }

        @Override
        public List<String> contributionIds() {
            return ids;
        }
    }
}
