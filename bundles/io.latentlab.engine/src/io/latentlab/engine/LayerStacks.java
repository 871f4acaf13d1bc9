package io.latentlab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.LayerEntry;

/**
 * Turns an experiment's layer stacks into network nodes the way a paper writes them: a dense
 * first layer on images gets a flatten in front, and a stack that ends in the right number of
 * values gets a reshape to the shape wanted.
 */
public final class LayerStacks {

    private LayerStacks() {
    }

    /**
     * @param stack the layers as written
     * @param input the shape the stack reads
     * @return the nodes of a sequential network, a flatten first if needed
     */
    public static List<NodeSpec> nodes(List<LayerEntry> stack, Shape input) {
        List<NodeSpec> nodes = new ArrayList<>();
        if (input.rank() > 1 && !stack.isEmpty() && "dense".equals(stack.get(0).type())) {
            nodes.add(new NodeSpec(stack.get(0).name() + "_flatten", "flatten", Map.of(), List.of()));
        }
        stack.forEach(entry -> nodes.add(new NodeSpec(entry.name(), entry.type(), entry.parameters(), List.of())));
        return nodes;
    }

    /**
     * @param nodes a sequential network's nodes
     * @param output the shape they produce
     * @param wanted the shape wanted (e.g. the input's, for a reconstruction)
     * @param what the stack's name, for the message
     * @return the nodes, with a reshape appended when only the shape differs
     * @throws IllegalArgumentException when the number of values differs
     */
    public static List<NodeSpec> endingIn(List<NodeSpec> nodes, Shape output, Shape wanted, String what) {
        if (output.equals(wanted)) {
            return nodes;
        }
        if (output.size() != wanted.size()) {
            throw new IllegalArgumentException("the " + what + "'s output " + output + " cannot be compared with " + wanted
                    + ": it must have that shape (or " + wanted.size() + " values)");
        }
        List<Long> dims = new ArrayList<>();
        for (long dim : wanted.dims()) {
            dims.add(dim);
        }
        List<NodeSpec> reshaped = new ArrayList<>(nodes);
        reshaped.add(new NodeSpec(what + "_reshape", "reshape", Map.of("shape", dims), List.of()));
        return reshaped;
    }

    /**
     * Builds a stack as a sequential network whose output has the wanted shape: a reshape is
     * appended when only the shape differs (e.g. a decoder ending in 784 units for 1x28x28 images).
     *
     * @param stack the layers as written
     * @param input the shape the stack reads
     * @param wanted the shape its output must have
     * @param what the stack's name, for messages and the reshape node's name
     * @param registry where layer ids are looked up
     * @param dataType the parameters' type
     * @param seed the initialisation seed
     * @return the network
     * @throws IllegalArgumentException when the number of values differs
     */
    public static Network network(List<LayerEntry> stack, Shape input, Shape wanted, String what,
            io.latentlab.core.ContributionRegistry registry, org.nd4j.linalg.api.buffer.DataType dataType, long seed) {
        List<NodeSpec> nodes = nodes(stack, input);
        Network network = Network.build(NetworkSpec.sequential(input, nodes), registry, dataType, seed);
        List<NodeSpec> reshaped = endingIn(nodes, network.nodes().get(network.nodes().size() - 1).outputShape(), wanted, what);
        return reshaped == nodes ? network
                : Network.build(NetworkSpec.sequential(input, reshaped), registry, dataType, seed);
    }
}
