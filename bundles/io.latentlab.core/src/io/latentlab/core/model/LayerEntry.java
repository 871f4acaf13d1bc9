package io.latentlab.core.model;

import java.util.List;
import java.util.Map;

/**
 * One layer of a stack as written in an experiment file: {@code - dense: {units: 256}}, or
 * {@code - add: {inputs: [block1, block3]}} for a layer that reads other layers than the one
 * before it.
 *
 * @param name the layer's name (given with {@code name:}, or made from the stack name and position)
 * @param type the layer or activation id
 * @param parameters its parameters as given (including {@code activation}), without {@code name} and {@code inputs}
 * @param inputs the names of the layers of the same stack it reads (or {@code input}, the stack's
 *        input); empty for the layer before it
 */
public record LayerEntry(String name, String type, Map<String, Object> parameters, List<String> inputs) {

    /** The stack's input, as a layer's {@code inputs} may name it. */
    public static final String STACK_INPUT = "input";

    /** Copies the collections. */
    public LayerEntry {
        parameters = Map.copyOf(parameters);
        inputs = List.copyOf(inputs);
    }

    /**
     * A layer that reads the layer before it.
     *
     * @param name the layer's name
     * @param type the layer or activation id
     * @param parameters its parameters as given
     */
    public LayerEntry(String name, String type, Map<String, Object> parameters) {
        this(name, type, parameters, List.of());
    }
}
