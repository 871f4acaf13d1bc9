package io.latentlab.core;

import java.util.List;
import java.util.Objects;

/**
 * One declared parameter: name, type, default, allowed range or values, unit and doc.
 *
 * @param name the key used in experiment files, e.g. {@code learning_rate}
 * @param type its value type
 * @param defaultValue the value used when the file omits it; {@code null} makes it required
 * @param min the smallest allowed value (numbers and integer lists), or {@code null}
 * @param max the largest allowed value, or {@code null}
 * @param choices the allowed words of a {@link ParameterType#CHOICE}, else empty
 * @param unit a unit for display, e.g. {@code px}, or empty
 * @param doc one line saying what it does
 * @param kind for a {@link ParameterType#CONTRIBUTION}, the kind of contribution whose id it takes; else {@code null}
 */
public record ParameterSpec(String name, ParameterType type, Object defaultValue, Double min, Double max,
        List<String> choices, String unit, String doc, ContributionKind kind) {

    /** Checks the declaration itself. */
    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
        unit = unit == null ? "" : unit;
        doc = doc == null ? "" : doc;
        if (type == ParameterType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + name + "' declares no choices");
        }
        if ((type == ParameterType.CONTRIBUTION) != (kind != null)) {
            throw new IllegalArgumentException("parameter '" + name + "': a contribution kind goes with, and only with,"
                    + " the CONTRIBUTION type");
        }
    }

    /**
     * A parameter that is not a contribution id.
     *
     * @param name the key used in experiment files
     * @param type its value type
     * @param defaultValue its default, or {@code null} if required
     * @param min smallest allowed value, or {@code null}
     * @param max largest allowed value, or {@code null}
     * @param choices the allowed words of a choice, else empty
     * @param unit a display unit, or empty
     * @param doc one line
     */
    public ParameterSpec(String name, ParameterType type, Object defaultValue, Double min, Double max,
            List<String> choices, String unit, String doc) {
        this(name, type, defaultValue, min, max, choices, unit, doc, null);
    }

    /** @return whether an experiment must give this parameter */
    public boolean required() {
        return defaultValue == null;
    }

    /** @return what a valid value looks like, for error messages and tooltips */
    public String expectation() {
        return switch (type) {
            case INTEGER -> "an integer" + range();
            case NUMBER -> "a number" + range();
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
            case TEXT -> "text";
            case INTEGER_LIST -> "an integer or a list of integers" + range();
            case CONTRIBUTION -> "the id of an installed " + kind.label();
        };
    }

    private String range() {
        if (min != null && max != null) {
            return " in [" + format(min) + ", " + format(max) + "]";
        }
        if (min != null) {
            return " >= " + format(min);
        }
        return max != null ? " <= " + format(max) : "";
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
