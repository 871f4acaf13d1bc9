package io.latentlab.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one parameter of a contribution, on a component of its settings record: the
 * record is the single declaration from which the schema, validation, "did you mean", the
 * workbench's form fields and {@code latentlab info} are made, and {@code create} reads it typed
 * with {@link Parameters#as(Class)}.
 *
 * <pre>
 * public record Settings(
 *         &#64;Setting(doc = "step size", defaultValue = "0.01", min = 0, max = 10) double learningRate,
 *         &#64;Setting(doc = "added to the denominator", defaultValue = "1e-8", min = 0, max = 1) double epsilon) {
 * }
 * </pre>
 *
 * The parameter's name is the component's in snake case ({@code learningRate}: {@code
 * learning_rate}, {@code beta1}: {@code beta_1}). Its type follows the component's: {@code long}
 * or {@code int} an integer, {@code double} a number, {@code boolean} true or false, an enum one
 * of its constants in lower case, {@code String} text (or one of {@link #choices}, or the id of an
 * installed contribution of kind {@link #contribution}), {@code List<Long>} a list of integers.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Setting {

    /** The {@link #defaultValue} of a parameter that experiments must give. */
    String REQUIRED = "\u0000required";

    /** @return one line saying what it does (forms show it as the tooltip, {@code latentlab info} beside the name) */
    String doc();

    /**
     * @return the default, written as in an experiment file ({@code 0.01}, {@code true},
     *         {@code he_normal}, {@code [3, 3]}); none: experiments must give it
     */
    String defaultValue() default REQUIRED;

    /** @return the smallest allowed value of a number, integer or integer list */
    double min() default Double.NEGATIVE_INFINITY;

    /** @return the largest allowed value */
    double max() default Double.POSITIVE_INFINITY;

    /** @return a unit for display, e.g. {@code px} or {@code steps} */
    String unit() default "";

    /** @return for a {@code String} component, the words it may take */
    String[] choices() default {};

    /** @return for a {@code String} component, the kind ({@code loss}, {@code activation}...) of the installed contribution whose id it takes */
    String contribution() default "";

    /** @return the parameter's name, when it is not the component's name in snake case */
    String name() default "";
}
