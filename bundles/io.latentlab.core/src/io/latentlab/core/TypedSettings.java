package io.latentlab.core;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Settings records ({@link Setting}) to schemas and back: {@link #schema(Class)} declares the
 * parameters, {@link #read(Class, Parameters)} builds the record from resolved values.
 */
public final class TypedSettings {

    private static final Map<Class<?>, ParameterSchema> SCHEMAS = new ConcurrentHashMap<>();

    private TypedSettings() {
    }

    /**
     * @param type a record whose every component carries {@link Setting}
     * @return its schema (made once per type)
     * @throws IllegalArgumentException naming the component whose declaration is wrong
     */
    public static ParameterSchema schema(Class<? extends Record> type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            List<ParameterSpec> specs = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                specs.add(spec(type, component));
            }
            return new ParameterSchema(specs);
        });
    }

    /**
     * @param type the settings record
     * @param parameters values resolved against {@link #schema(Class)} of that record
     * @param <S> the record type
     * @return the record
     */
    public static <S extends Record> S read(Class<S> type, Parameters parameters) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i], parameters.asMap().get(name(components[i])));
        }
        try {
            Constructor<S> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true); // records are often private to their contribution
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build settings " + type.getName() + ": " + e, e);
        }
    }

    /** @return the parameter name of a component: {@link Setting#name()}, else the component's name in snake case */
    static String name(RecordComponent component) {
        Setting setting = component.getAnnotation(Setting.class);
        return setting != null && !setting.name().isEmpty() ? setting.name() : snakeCase(component.getName());
    }

    /** @return learningRate: learning_rate; beta1: beta_1; useBias: use_bias */
    static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean wordStart = i > 0 && (Character.isUpperCase(c)
                    || (Character.isDigit(c) && !Character.isDigit(name.charAt(i - 1))));
            if (wordStart) {
                snake.append('_');
            }
            snake.append(Character.toLowerCase(c));
        }
        return snake.toString();
    }

    private static ParameterSpec spec(Class<?> type, RecordComponent component) {
        Setting setting = component.getAnnotation(Setting.class);
        String where = type.getSimpleName() + "." + component.getName();
        if (setting == null) {
            throw new IllegalArgumentException(where + " has no @Setting: every component of a settings record declares one");
        }
        String name = name(component);
        Class<?> kind = component.getType();
        Double min = Double.isInfinite(setting.min()) ? null : setting.min();
        Double max = Double.isInfinite(setting.max()) ? null : setting.max();
        boolean required = Setting.REQUIRED.equals(setting.defaultValue());
        String given = setting.defaultValue();
        try {
            if (kind == long.class || kind == int.class || kind == Long.class || kind == Integer.class) {
                return new ParameterSpec(name, ParameterType.INTEGER, required ? null : Long.parseLong(given.strip()),
                        min, max, List.of(), setting.unit(), setting.doc());
            }
            if (kind == double.class || kind == float.class || kind == Double.class) {
                return new ParameterSpec(name, ParameterType.NUMBER, required ? null : Double.parseDouble(given.strip()),
                        min, max, List.of(), setting.unit(), setting.doc());
            }
            if (kind == boolean.class || kind == Boolean.class) {
                if (required || !given.matches("true|false")) {
                    throw new IllegalArgumentException("a boolean setting needs defaultValue \"true\" or \"false\"");
                }
                return new ParameterSpec(name, ParameterType.BOOLEAN, Boolean.parseBoolean(given), null, null, List.of(),
                        "", setting.doc());
            }
            if (kind.isEnum()) {
                List<String> choices = Arrays.stream(kind.getEnumConstants())
                        .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT)).toList();
                return choice(name, setting, choices, required);
            }
            if (kind == String.class && setting.choices().length > 0) {
                return choice(name, setting, List.of(setting.choices()), required);
            }
            if (kind == String.class && !setting.contribution().isEmpty()) {
                ContributionKind contributionKind = ContributionKind.all().stream()
                        .filter(k -> k.label().equals(setting.contribution())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("contribution = \"" + setting.contribution()
                                + "\" is not a kind; one of " + ContributionKind.all().stream().map(ContributionKind::label)
                                        .toList()));
                return new ParameterSpec(name, ParameterType.CONTRIBUTION, required ? null : given, null, null,
                        List.of(), "", setting.doc(), contributionKind);
            }
            if (kind == String.class) {
                return new ParameterSpec(name, ParameterType.TEXT, required ? null : given, null, null, List.of(), "",
                        setting.doc());
            }
            if (kind == List.class && isListOfLong(component.getGenericType())) {
                return new ParameterSpec(name, ParameterType.INTEGER_LIST, required ? null : longs(given), min, max,
                        List.of(), setting.unit(), setting.doc());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": defaultValue \"" + given + "\" is not a "
                    + kind.getSimpleName(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(where + " is a " + component.getGenericType().getTypeName() + "; a setting is"
                + " a long, int, double, boolean, enum, String or List<Long>");
    }

    private static ParameterSpec choice(String name, Setting setting, List<String> choices, boolean required) {
        if (!required && !choices.contains(setting.defaultValue())) {
            throw new IllegalArgumentException("defaultValue \"" + setting.defaultValue() + "\" is not one of " + choices);
        }
        return new ParameterSpec(name, ParameterType.CHOICE, required ? null : setting.defaultValue(), null, null,
                choices, "", setting.doc());
    }

    private static boolean isListOfLong(Type type) {
        return type instanceof ParameterizedType list && list.getActualTypeArguments().length == 1
                && list.getActualTypeArguments()[0] == Long.class;
    }

    /** @return "[3, 3]" or "3" as a list of longs */
    private static List<Long> longs(String text) {
        List<Long> values = new ArrayList<>();
        String inside = text.replace("[", "").replace("]", "").strip();
        if (inside.isEmpty()) {
            return List.of();
        }
        for (String part : inside.split(",")) {
            values.add(Long.parseLong(part.strip()));
        }
        return List.copyOf(values);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(RecordComponent component, Object value) {
        Class<?> kind = component.getType();
        if (value == null) {
            return null;
        }
        if (kind == int.class || kind == Integer.class) {
            return Math.toIntExact(((Number) value).longValue());
        }
        if (kind == long.class || kind == Long.class) {
            return ((Number) value).longValue();
        }
        if (kind == float.class) {
            return ((Number) value).floatValue();
        }
        if (kind == double.class || kind == Double.class) {
            return ((Number) value).doubleValue();
        }
        if (kind.isEnum()) {
            return Enum.valueOf((Class<Enum>) kind, ((String) value).toUpperCase(Locale.ROOT));
        }
        return value;
    }
}
