package io.latentlab.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Converts raw values (from YAML or forms) to a parameter's type, and checks ranges. */
final class ParameterValues {

    private ParameterValues() {
    }

    static Optional<Object> convert(ParameterSpec spec, Object raw) {
        return switch (spec.type()) {
            case INTEGER -> integer(raw).map(Object.class::cast);
            case NUMBER -> number(raw).map(Object.class::cast);
            case BOOLEAN -> raw instanceof Boolean ? Optional.of(raw) : bool(raw);
            case CHOICE -> Optional.of(String.valueOf(raw)).filter(spec.choices()::contains).map(Object.class::cast);
            case TEXT -> raw instanceof String || raw instanceof Number ? Optional.of(String.valueOf(raw)) : Optional.empty();
            case INTEGER_LIST -> integerList(raw).map(Object.class::cast);
            case CONTRIBUTION -> raw instanceof String id && id.matches("[A-Za-z0-9._-]+") ? Optional.of(raw)
                    : Optional.empty();
        };
    }

    /** @return a sentence if the value lies outside the declared range, else {@code null} */
    static String rangeProblem(ParameterSpec spec, Object value) {
        List<Double> numbers = switch (spec.type()) {
            case INTEGER -> List.of(((Long) value).doubleValue());
            case NUMBER -> List.of((Double) value);
            case INTEGER_LIST -> ((List<?>) value).stream().map(v -> ((Long) v).doubleValue()).toList();
            default -> List.of();
        };
        for (double number : numbers) {
            if ((spec.min() != null && number < spec.min()) || (spec.max() != null && number > spec.max())
                    || Double.isNaN(number)) {
                return "'" + spec.name() + "' must be " + spec.expectation() + ", not " + value;
            }
        }
        return null;
    }

    private static Optional<Long> integer(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return Optional.of(((Number) raw).longValue());
        }
        if (raw instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return Optional.of(number.longValue());
        }
        if (raw instanceof String text) {
            try {
                return Optional.of(Long.parseLong(text.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Double> number(Object raw) {
        if (raw instanceof Number number) {
            return Optional.of(number.doubleValue());
        }
        if (raw instanceof String text) {
            try {
                return Optional.of(Double.parseDouble(text.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Object> bool(Object raw) {
        String text = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes", "on" -> Optional.of(Boolean.TRUE);
            case "false", "no", "off" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    private static Optional<List<Long>> integerList(Object raw) {
        if (!(raw instanceof List<?> list)) {
            return integer(raw).map(List::of);
        }
        List<Long> values = new ArrayList<>();
        for (Object element : list) {
            Optional<Long> value = integer(element);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(values));
    }
}
