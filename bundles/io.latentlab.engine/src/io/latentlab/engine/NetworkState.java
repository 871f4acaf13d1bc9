package io.latentlab.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.optim.Optimizer;

/**
 * A network's share of a model checkpoint: parameters, non-trainable state, optimizer state and
 * random-generator state, under a prefix per network (models with several networks).
 */
public final class NetworkState {

    private static final String RANDOM = "random";

    private NetworkState() {
    }

    /**
     * @param into the checkpoint's arrays
     * @param prefix e.g. {@code encoder/}, or empty
     * @param network the network
     * @param optimizer its optimizer (initialised)
     */
    public static void collect(Map<String, INDArray> into, String prefix, Network network, Optimizer optimizer) {
        into.put(prefix + "parameters", network.parameters().parameters());
        into.put(prefix + "state", network.parameters().state());
        optimizer.state().forEach((name, array) -> into.put(prefix + "optimizer/" + name, array));
        into.put(prefix + RANDOM, Nd4j.createFromArray(network.random().rootState(), network.random().nodeState()));
    }

    /**
     * @param saved the checkpoint's arrays
     * @param prefix as given to {@link #collect}
     * @param network the network to restore (built from the same spec)
     * @param optimizer its optimizer (initialised)
     * @throws IllegalArgumentException naming an array that is missing or of another size
     */
    public static void restore(Map<String, INDArray> saved, String prefix, Network network, Optimizer optimizer) {
        Map<String, INDArray> live = new LinkedHashMap<>();
        collect(live, prefix, network, optimizer);
        INDArray random = saved.get(prefix + RANDOM);
        if (random == null || random.length() != 2) {
            throw new IllegalArgumentException("checkpoint array '" + prefix + RANDOM + "' is "
                    + (random == null ? "missing" : "of " + random.length() + " values, not 2"));
        }
        live.remove(prefix + RANDOM);
        assign(saved, live);
        INDArray states = random.castTo(DataType.LONG);
        network.random().setStates(states.getLong(0), states.getLong(1));
    }

    /**
     * Copies saved arrays into live ones of the same names (for a model's arrays outside its
     * networks, such as a codebook).
     *
     * @param saved the checkpoint's arrays
     * @param live the arrays to fill, by name
     * @throws IllegalArgumentException naming an array that is missing or of another size
     */
    public static void assign(Map<String, INDArray> saved, Map<String, INDArray> live) {
        for (Map.Entry<String, INDArray> entry : live.entrySet()) {
            INDArray value = saved.get(entry.getKey());
            if (value == null || value.length() != entry.getValue().length()) {
                throw new IllegalArgumentException("checkpoint array '" + entry.getKey() + "' is "
                        + (value == null ? "missing" : "of " + value.length() + " values, not " + entry.getValue().length()));
            }
            entry.getValue().assign(value.reshape(entry.getValue().shape()).castTo(entry.getValue().dataType()));
        }
    }
}
