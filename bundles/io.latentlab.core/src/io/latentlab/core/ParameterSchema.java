package io.latentlab.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters a contribution accepts, in declaration order. Built once by the contribution
 * ({@link #builder()}); {@link #resolve(String, Map)} checks given values and fills in defaults.
 * <p>
 * Naming convention: lower-case words joined by {@code _}, numbers as words of their own
 * ({@code learning_rate}, {@code beta_1}, {@code weight_decay}). A given name that differs from a
 * declared one only by underscores, hyphens or case ({@code beta1}, {@code learningRate}) is read
 * as the declared one, so that a paper's spelling works and an optimizer race carries a shared
 * parameter to every optimizer that declares it.
 */
public final class ParameterSchema {

    /** A schema without parameters. */
    public static final ParameterSchema EMPTY = new ParameterSchema(List.of());

    private final Map<String, ParameterSpec> specs = new LinkedHashMap<>();

    ParameterSchema(List<ParameterSpec> specs) {
        for (ParameterSpec spec : specs) {
            if (this.specs.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalArgumentException("parameter '" + spec.name() + "' is declared twice");
            }
        }
    }

    /**
     * @return a builder for a new schema
     * @deprecated declare the parameters as a settings record with {@link Setting} (the schema is
     *             {@link TypedSettings#schema}); the builder keeps working through 2.x for existing plugins
     */
    @Deprecated(since = "2.0")
    public static Builder builder() {
        return new Builder();
    }

    /** @return the declared parameters, in declaration order */
    public Collection<ParameterSpec> specs() {
        return specs.values();
    }

    /**
     * @param name a parameter name
     * @return its declaration, if declared
     */
    public Optional<ParameterSpec> spec(String name) {
        ParameterSpec exact = specs.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        String wanted = canonical(name);
        return specs.values().stream().filter(spec -> canonical(spec.name()).equals(wanted)).findFirst();
    }

    /** @return the name without underscores, hyphens and case: beta_1, beta1 and Beta-1 are one name */
    private static String canonical(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    /**
     * The same parameters with other defaults: for contributions that share settings and differ
     * only in their defaults (the denoising autoencoder's noise).
     *
     * @param defaults new default values by parameter name, as an experiment would give them
     * @return the schema with those defaults
     * @throws IllegalArgumentException for an undeclared name or a value the parameter does not accept
     */
    public ParameterSchema withDefaults(Map<String, ?> defaults) {
        List<ParameterSpec> changed = new ArrayList<>();
        for (ParameterSpec spec : specs.values()) {
            if (!defaults.containsKey(spec.name())) {
                changed.add(spec);
                continue;
            }
            Object value = ParameterValues.convert(spec, defaults.get(spec.name())).filter(v ->
                    ParameterValues.rangeProblem(spec, v) == null).orElseThrow(() -> new IllegalArgumentException(
                            "default " + defaults.get(spec.name()) + " of '" + spec.name() + "' is not "
                                    + spec.expectation()));
            changed.add(new ParameterSpec(spec.name(), spec.type(), value, spec.min(), spec.max(), spec.choices(),
                    spec.unit(), spec.doc(), spec.kind()));
        }
        for (String name : defaults.keySet()) {
            if (!specs.containsKey(name)) {
                throw new IllegalArgumentException("no parameter '" + name + "' to give a default; declared: " + specs.keySet());
            }
        }
        return new ParameterSchema(changed);
    }

    /**
     * Lists every problem of the given values: unknown names (with the closest declared name),
     * missing required values, wrong types, values out of range.
     *
     * @param given values by parameter name, as read from an experiment file
     * @return the problems; empty when the values are valid
     */
    public List<ParameterProblem> check(Map<String, ?> given) {
        List<ParameterProblem> problems = new ArrayList<>();
        resolveInto(given, new LinkedHashMap<>(), problems);
        return problems;
    }

    /**
     * Checks the given values and fills in defaults.
     *
     * @param owner what the values are for, used in the error message, e.g. {@code layer 'dense'}
     * @param given values by parameter name
     * @return every declared parameter with its value
     * @throws InvalidParametersException listing every problem, if there is any
     */
    public Parameters resolve(String owner, Map<String, ?> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<ParameterProblem> problems = new ArrayList<>();
        resolveInto(given, values, problems);
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(owner, problems);
        }
        return new Parameters(values);
    }

    private void resolveInto(Map<String, ?> written, Map<String, Object> values, List<ParameterProblem> problems) {
        // names spelt another way (beta1 for beta_1) are read as the declared ones
        Map<String, Object> given = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : written.entrySet()) {
            String name = spec(entry.getKey()).map(ParameterSpec::name).orElse(entry.getKey());
            if (given.containsKey(name)) {
                problems.add(new ParameterProblem(entry.getKey(), "one value", String.valueOf(entry.getValue()),
                        "'" + entry.getKey() + "' is '" + name + "', which is given already"));
                continue;
            }
            given.put(name, entry.getValue());
        }
        for (String name : given.keySet()) {
            if (!specs.containsKey(name)) {
                String hint = Suggestions.closest(name, specs.keySet()).map(s -> "; did you mean '" + s + "'?")
                        .orElse(specs.isEmpty() ? "; it takes no parameters" : "; known: " + String.join(", ", specs.keySet()));
                problems.add(new ParameterProblem(name, "a declared parameter", name, "unknown parameter '" + name + "'" + hint));
            }
        }
        for (ParameterSpec spec : specs.values()) {
            Object raw = given.get(spec.name());
            if (raw == null) {
                if (spec.required()) {
                    problems.add(new ParameterProblem(spec.name(), spec.expectation(), "nothing",
                            "'" + spec.name() + "' is required: " + spec.expectation()));
                } else {
                    values.put(spec.name(), spec.defaultValue());
                }
                continue;
            }
            ParameterValues.convert(spec, raw).ifPresentOrElse(value -> {
                String rangeProblem = ParameterValues.rangeProblem(spec, value);
                if (rangeProblem == null) {
                    values.put(spec.name(), value);
                } else {
                    problems.add(new ParameterProblem(spec.name(), spec.expectation(), String.valueOf(raw), rangeProblem));
                }
            }, () -> problems.add(new ParameterProblem(spec.name(), spec.expectation(), String.valueOf(raw),
                    "'" + spec.name() + "' must be " + spec.expectation() + ", not '" + raw + "'")));
        }
    }

    /** Declares parameters one by one; each method adds one. */
    public static final class Builder {

        private final List<ParameterSpec> specs = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param name the parameter's name
         * @param defaultValue its default, or {@code null} if required
         * @param min smallest allowed value, or {@code null}
         * @param max largest allowed value, or {@code null}
         * @param unit display unit, or empty
         * @param doc one line
         * @return this builder
         */
        public Builder integer(String name, Long defaultValue, Long min, Long max, String unit, String doc) {
            specs.add(new ParameterSpec(name, ParameterType.INTEGER, defaultValue, toDouble(min), toDouble(max), List.of(),
                    unit, doc));
            return this;
        }

        /**
         * @param name the parameter's name
         * @param defaultValue its default, or {@code null} if required
         * @param min smallest allowed value, or {@code null}
         * @param max largest allowed value, or {@code null}
         * @param unit display unit, or empty
         * @param doc one line
         * @return this builder
         */
        public Builder number(String name, Double defaultValue, Double min, Double max, String unit, String doc) {
            specs.add(new ParameterSpec(name, ParameterType.NUMBER, defaultValue, min, max, List.of(), unit, doc));
            return this;
        }

        /**
         * @param name the parameter's name
         * @param defaultValue its default
         * @param doc one line
         * @return this builder
         */
        public Builder bool(String name, boolean defaultValue, String doc) {
            specs.add(new ParameterSpec(name, ParameterType.BOOLEAN, defaultValue, null, null, List.of(), "", doc));
            return this;
        }

        /**
         * @param name the parameter's name
         * @param defaultValue its default (one of the choices), or {@code null} if required
         * @param choices the allowed words
         * @param doc one line
         * @return this builder
         */
        public Builder choice(String name, String defaultValue, List<String> choices, String doc) {
            if (defaultValue != null && !choices.contains(defaultValue)) {
                throw new IllegalArgumentException("default '" + defaultValue + "' of '" + name + "' is not a choice");
            }
            specs.add(new ParameterSpec(name, ParameterType.CHOICE, defaultValue, null, null, choices, "", doc));
            return this;
        }

        /**
         * @param name the parameter's name
         * @param defaultValue its default, or {@code null} if required
         * @param doc one line
         * @return this builder
         */
        public Builder text(String name, String defaultValue, String doc) {
            specs.add(new ParameterSpec(name, ParameterType.TEXT, defaultValue, null, null, List.of(), "", doc));
            return this;
        }

        /**
         * A contribution id, e.g. a model's reconstruction loss: experiments may name any installed
         * contribution of that kind, a plugin's included, and forms offer the installed ones.
         *
         * @param name the parameter's name
         * @param kind the kind of contribution, e.g. {@link ContributionKind#LOSS}
         * @param defaultValue the default id, or {@code null} if required
         * @param doc one line
         * @return this builder
         */
        public Builder contribution(String name, ContributionKind kind, String defaultValue, String doc) {
            specs.add(new ParameterSpec(name, ParameterType.CONTRIBUTION, defaultValue, null, null, List.of(), "", doc,
                    kind));
            return this;
        }

        /**
         * @param name the parameter's name
         * @param defaultValue its default, or {@code null} if required
         * @param min smallest allowed element, or {@code null}
         * @param unit display unit, or empty
         * @param doc one line
         * @return this builder
         */
        public Builder integers(String name, List<Long> defaultValue, Long min, String unit, String doc) {
            return integers(name, defaultValue, min, null, unit, doc);
        }

        /**
         * A list of whole numbers, each within [min, max].
         *
         * @param name the key
         * @param defaultValue the default list
         * @param min the smallest allowed element, or null
         * @param max the largest allowed element, or null
         * @param unit a unit for the documentation
         * @param doc one sentence
         * @return this builder
         */
        public Builder integers(String name, List<Long> defaultValue, Long min, Long max, String unit, String doc) {
            specs.add(new ParameterSpec(name, ParameterType.INTEGER_LIST, defaultValue == null ? null : List.copyOf(defaultValue),
                    toDouble(min), toDouble(max), List.of(), unit, doc));
            return this;
        }

        /**
         * @param spec a declaration made elsewhere (shared by two contributions)
         * @return this builder
         */
        public Builder spec(ParameterSpec spec) {
            specs.add(spec);
            return this;
        }

        /** @return the schema */
        public ParameterSchema build() {
            return new ParameterSchema(specs);
        }

        private static Double toDouble(Long value) {
            return value == null ? null : value.doubleValue();
        }
    }
}
