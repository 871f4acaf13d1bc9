package io.latentlab.engine;

import java.util.List;
import java.util.Map;

/**
 * One node of a network: a layer (or activation) id with its parameters and the names of the
 * nodes or network inputs it reads. Every layer also accepts an {@code activation} parameter,
 * an activation id applied to its output (as a separate node named {@code <name>/activation}).
 *
 * @param name unique within the network
 * @param type a layer or activation id, e.g. {@code dense}
 * @param parameters the layer's parameters as given
 * @param inputs the names of the nodes or network inputs it reads, in order
 * @param sharesWith the name of an earlier node of the same type whose parameters this node
 *        uses (weight sharing, e.g. siamese branches); {@code null} for its own parameters
 */
public record NodeSpec(String name, String type, Map<String, Object> parameters, List<String> inputs, String sharesWith) {

    /** Copies the collections. */
    public NodeSpec {
        parameters = Map.copyOf(parameters);
        inputs = List.copyOf(inputs);
    }

    /**
     * A node with its own parameters.
     *
     * @param name unique within the network
     * @param type a layer or activation id
     * @param parameters the layer's parameters as given
     * @param inputs the names it reads
     */
    public NodeSpec(String name, String type, Map<String, Object> parameters, List<String> inputs) {
        this(name, type, parameters, inputs, null);
    }
}
