package io.latentlab.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.latentlab.core.layer.Shape;

/**
 * What a network is made of, as data: named inputs with their shapes, nodes in an order where
 * each reads only inputs or earlier nodes, and the nodes whose outputs are the network's outputs.
 *
 * @param inputs input names and shapes (without batch)
 * @param nodes the nodes, each after the nodes it reads
 * @param outputs names of the output nodes
 */
public record NetworkSpec(Map<String, Shape> inputs, List<NodeSpec> nodes, List<String> outputs) {

    /** The name of the single input of a {@link #sequential} network. */
    public static final String INPUT = "input";

    /** Copies the collections, keeping order. */
    public NetworkSpec {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        nodes = List.copyOf(nodes);
        outputs = List.copyOf(outputs);
    }

    /**
     * A chain of layers, each reading the previous one unless it names its inputs (skip
     * connections, {@code add} and {@code concat} of earlier layers).
     *
     * @param inputShape the shape of one example
     * @param layers layer specs as (name, type, parameters); empty inputs are filled in
     * @return the spec; its input is {@link #INPUT}, its output the last layer
     */
    public static NetworkSpec sequential(Shape inputShape, List<NodeSpec> layers) {
        List<NodeSpec> chained = new ArrayList<>();
        String previous = INPUT;
        for (NodeSpec layer : layers) {
            chained.add(new NodeSpec(layer.name(), layer.type(), layer.parameters(),
                    layer.inputs().isEmpty() ? List.of(previous) : layer.inputs(), layer.sharesWith()));
            previous = layer.name();
        }
        return new NetworkSpec(Map.of(INPUT, inputShape), chained, List.of(previous));
    }

    /**
     * Shorthand for a node in a {@link #sequential} list.
     *
     * @param name the node name
     * @param type the layer id
     * @param parameters its parameters, as alternating names and values
     * @return the node (without inputs)
     */
    public static NodeSpec layer(String name, String type, Object... parameters) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            map.put((String) parameters[i], parameters[i + 1]);
        }
        return new NodeSpec(name, type, map, List.of());
    }
}
