package io.latentlab.runs;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes maps, lists, numbers, booleans and strings as indented JSON (summary, resolved parameters). */
public final class Json {

    private Json() {
    }

    /**
     * @param value maps, lists, numbers, booleans, strings and {@code null}, nested
     * @return it as indented JSON
     */
    public static String write(Object value) {
        return write(value, "");
    }

    private static String write(Object value, String indent) {
        String inner = indent + "  ";
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "{}";
            }
            return map.entrySet().stream().map(e -> inner + quote(String.valueOf(e.getKey())) + ": " + write(e.getValue(), inner))
                    .collect(Collectors.joining(",\n", "{\n", "\n" + indent + "}"));
        }
        if (value instanceof Collection<?> list) {
            if (list.isEmpty()) {
                return "[]";
            }
            return list.stream().map(v -> inner + write(v, inner)).collect(Collectors.joining(",\n", "[\n", "\n" + indent + "]"));
        }
        if (value instanceof Double number && !Double.isFinite(number)) {
            return quote(String.valueOf(number));
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return value == null ? "null" : quote(String.valueOf(value));
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }
}
