package io.latentlab.core.model;

import java.util.Map;

/**
 * One layer of a stack as written in an experiment file: {@code - dense: {units: 256}}.
 *
 * @param name the layer's name (given, or made from the stack name and position)
 * @param type the layer or activation id
 * @param parameters its parameters as given
 */
public record LayerEntry(String name, String type, Map<String, Object> parameters) {

    /** Copies the parameters. */
    public LayerEntry {
        parameters = Map.copyOf(parameters);
    }
}
