package io.latentlab.benchmarks;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.nd4j.shade.jackson.core.type.TypeReference;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/** Writes the benchmark's nested maps of numbers and strings as JSON, and reads the PyTorch reference's. */
final class Json {

    private Json() {
    }

    static Map<String, Object> read(String json) throws IOException {
        return new ObjectMapper().readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
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
