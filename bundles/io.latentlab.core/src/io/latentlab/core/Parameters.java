package io.latentlab.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolved parameter values: every declared parameter with a value of its declared type
 * ({@code Long}, {@code Double}, {@code Boolean}, {@code String}, {@code List<Long>}).
 * Made by {@link ParameterSchema#resolve(String, Map)}.
 */
public final class Parameters {

    private final Map<String, Object> values;
    /** The settings record last asked for ({@link #as}); a benign race at worst builds it twice. */
    private volatile Record typed;

    Parameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Resolves values against a schema; shorthand for {@code schema.resolve(owner, given)}.
     *
     * @param schema the declaration
     * @param given the values given
     * @return resolved parameters
     */
    public static Parameters of(ParameterSchema schema, Map<String, ?> given) {
        return schema.resolve("parameters", given);
    }

    /**
     * The values as the contribution's settings record ({@link Setting}): typed, each declared once.
     *
     * @param type the settings record the schema was made from ({@link TypedSettings#schema})
     * @param <S> its type
     * @return the record holding these values
     */
    public <S extends Record> S as(Class<S> type) {
        // made once per Parameters (they never change): activations read their settings at every forward pass
        Record settings = typed;
        if (settings == null || settings.getClass() != type) {
            settings = TypedSettings.read(type, this);
            typed = settings;
        }
        return type.cast(settings);
    }

    /** @return every value by name, in declaration order; what a run records as "resolved parameters" */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * @param name an {@link ParameterType#INTEGER} parameter
     * @return its value
     */
    public long getLong(String name) {
        return ((Number) require(name)).longValue();
    }

    /**
     * @param name an {@link ParameterType#INTEGER} parameter whose range fits an int
     * @return its value
     */
    public int getInt(String name) {
        return Math.toIntExact(getLong(name));
    }

    /**
     * @param name a {@link ParameterType#NUMBER} parameter
     * @return its value
     */
    public double getDouble(String name) {
        return ((Number) require(name)).doubleValue();
    }

    /**
     * @param name a {@link ParameterType#BOOLEAN} parameter
     * @return its value
     */
    public boolean getBoolean(String name) {
        return (Boolean) require(name);
    }

    /**
     * @param name a {@link ParameterType#CHOICE} or {@link ParameterType#TEXT} parameter
     * @return its value
     */
    public String getString(String name) {
        return (String) require(name);
    }

    /**
     * @param name an {@link ParameterType#INTEGER_LIST} parameter
     * @param length the length wanted; a list of one is repeated to it
     * @return its value as {@code length} ints
     * @throws IllegalArgumentException if the list has another length
     */
    public int[] getInts(String name, int length) {
        List<?> list = (List<?>) require(name);
        if (list.size() != 1 && list.size() != length) {
            throw new IllegalArgumentException("'" + name + "' must have 1 or " + length + " values, not " + list);
        }
        int[] result = new int[length];
        for (int i = 0; i < length; i++) {
            result[i] = Math.toIntExact(((Number) list.get(list.size() == 1 ? 0 : i)).longValue());
        }
        return result;
    }

    private Object require(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no parameter '" + name + "' is declared; declared: " + values.keySet());
        }
        return values.get(name);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
