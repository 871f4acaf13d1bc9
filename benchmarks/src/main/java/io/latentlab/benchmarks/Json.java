package io.latentlab.benchmarks;

import java.util.Map;
import java.util.stream.Collectors;

/** Writes the benchmark's nested maps of numbers and strings as JSON. */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + write(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof Number || value instanceof Boolean
                || (value instanceof String text && text.matches("-?\\d+(\\.\\d+)?([eE]-?\\d+)?"))) {
            return String.valueOf(value);
        }
        return "\"" + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
