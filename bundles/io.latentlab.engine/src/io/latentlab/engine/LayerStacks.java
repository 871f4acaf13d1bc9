package io.latentlab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.LayerEntry;

/**
 * Turns an experiment's layer stacks into network nodes the way a paper writes them: a dense
 * first layer on images gets a flatten in front, a stack that ends in the right number of
 * values gets a reshape to the shape wanted, and a layer reads the one before it unless it
 * names its {@code inputs} (layers of the stack, or {@code input}: what the stack reads).
 */
public final class LayerStacks {

    private LayerStacks() {
    }

    /**
     * @param stack the layers as written
     * @param input the shape the stack reads
     * @return the nodes of a sequential network reading {@link NetworkSpec#INPUT}, a flatten first if needed
     */
    public static List<NodeSpec> nodes(List<LayerEntry> stack, Shape input) {
        return nodes(stack, input, NetworkSpec.INPUT);
    }

    /**
     * @param stack the layers as written
     * @param input the shape the stack reads
     * @param source the node (or network input) the stack reads: what {@code inputs: [input]}
     *        and the first layer refer to (for a decoder in one network with its encoder, the code)
     * @return the nodes, a flatten first if needed
     */
    public static List<NodeSpec> nodes(List<LayerEntry> stack, Shape input, String source) {
        List<NodeSpec> nodes = new ArrayList<>();
        String previous = source;
        if (input.rank() > 1 && !stack.isEmpty() && "dense".equals(stack.get(0).type()) && stack.get(0).inputs().isEmpty()) {
            String flatten = stack.get(0).name() + "_flatten";
            nodes.add(new NodeSpec(flatten, "flatten", Map.of(), List.of(source)));
            previous = flatten;
        }
        for (LayerEntry entry : stack) {
            List<String> inputs = entry.inputs().isEmpty() ? List.of(previous)
                    : entry.inputs().stream().map(name -> LayerEntry.STACK_INPUT.equals(name) ? source : name).toList();
            nodes.add(new NodeSpec(entry.name(), entry.type(), entry.parameters(), inputs));
            previous = entry.name();
        }
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
        String last = nodes.get(nodes.size() - 1).name();
        reshaped.add(new NodeSpec(what + "_reshape", "reshape", Map.of("shape", dims), List.of(last)));
        return reshaped;
    }

    /**
     * The output shape of a chain of nodes, without allocating any parameters: how a model
     * learns what its encoder produces before it builds the networks it trains.
     *
     * @param input the shape the nodes read (as {@link NetworkSpec#INPUT})
     * @param nodes the nodes
     * @param registry where layer ids are looked up
     * @return the last node's output shape
     * @throws NetworkBuildException naming the node that does not build
     */
    public static Shape outputShape(Shape input, List<NodeSpec> nodes, ContributionRegistry registry) {
        return Network.shapes(NetworkSpec.sequential(input, nodes), registry).get(nodes.get(nodes.size() - 1).name());
    }

    /**
     * Builds a stack as a sequential network whose output has the wanted shape: a reshape is
     * appended when only the shape differs (e.g. a decoder ending in 784 units for 1x28x28 images).
     *
     * @param name the network's name and the stack's, for messages and the reshape node's name
     * @param stack the layers as written
     * @param input the shape the stack reads
     * @param wanted the shape its output must have
     * @param registry where layer ids are looked up
     * @param dataType the parameters' type
     * @param seed the initialisation seed
     * @return the network
     * @throws IllegalArgumentException when the number of values differs
     */
    public static Network network(String name, List<LayerEntry> stack, Shape input, Shape wanted,
            ContributionRegistry registry, DataType dataType, long seed) {
        List<NodeSpec> nodes = endingIn(nodes(stack, input), outputShape(input, nodes(stack, input), registry), wanted,
                name);
        return Network.build(name, NetworkSpec.sequential(input, nodes), registry, dataType, seed);
    }
}
