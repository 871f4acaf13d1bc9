package @@PACKAGE@@;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Setting;
import io.latentlab.core.loss.Loss;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.core.model.TrainedNetwork;
import io.latentlab.core.model.Update;
import io.latentlab.engine.LayerStacks;
import io.latentlab.engine.Losses;
import io.latentlab.engine.Network;

/**
 * @@NAME@@: one stack of layers, {@code network}, trained to reproduce its input under a loss the
 * experiment chooses. A model names its stacks, builds its networks with the engine, and computes
 * one update's gradients; the engine does the rest of the step (optimizer, schedule, clipping,
 * checks for NaN, checkpoints, metrics).
 */
@Component(service = ModelFactory.class)
public final class @@CLASS@@ extends AbstractContribution implements ModelFactory {

    /** The id experiments write: {@code model: {id: @@ID@@, network: [...]}}. */
    public static final String ID = "@@ID@@";

    /** Creates the contribution (Declarative Services calls this). */
    public @@CLASS@@() {
        super(ID, "@@NAME@@", "One stack of layers trained to reproduce its input.", Settings.class);
    }

    /** The parameters, declared once: {@code loss} takes the id of any installed loss. */
    record Settings(@Setting(doc = "loss between the output and the input", defaultValue = "mse", contribution = "loss")
            String loss) {
    }

    @Override
    public List<String> stackNames() {
        return List.of("network");
    }

    @Override
    public Model create(ModelSetup setup) {
        // the stack must end in the input's shape; a dense stack on images gets a flatten in front and a reshape after
        Network network = LayerStacks.network("network", setup.stack("network"), setup.exampleShape(),
                setup.exampleShape(), setup.registry(), setup.dataType(), setup.seed());
        String lossId = setup.parameters().as(Settings.class).loss();
        return new ReconstructionModel(network, Losses.ofPrediction(setup.registry(), lossId, "loss", Map.of()), lossId);
    }

    /** The trainable model: its network, and how a step's gradients and the test metrics are computed. */
    static final class ReconstructionModel implements Model {

        private final Network network;
        private final Loss loss;
        private final String lossId;

        ReconstructionModel(Network network, Loss loss, String lossId) {
            this.network = network;
            this.loss = loss;
            this.lossId = lossId;
        }

        @Override
        public List<TrainedNetwork> networks() {
            return List.of(network);
        }

        /** Forward, the loss, backward into the network's gradients; returns the step's metrics. */
        @Override
        public Map<String, Double> computeGradients(Update update, INDArray features, INDArray labels, long step) {
            double value = loss.forward(List.of(network.forward(features, true)), features);
            network.backward(loss.backward().get(0));
            return Map.of("loss", value);
        }

        @Override
        public Map<String, Double> evaluate(INDArray features, INDArray labels) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("test_loss", loss.forward(List.of(network.forward(features, false)), features));
            return metrics;
        }

        @Override
        public INDArray sample(INDArray features) {
            return network.forward(features, false).dup();
        }

        @Override
        public String headlineMetric() {
            return "test_loss";
        }

        @Override
        public List<String> contributionIds() {
            List<String> ids = new ArrayList<>(network.contributionIds());
            ids.add(lossId);
            return ids;
        }
    }
}
