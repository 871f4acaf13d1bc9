package io.latentlab.core;

/** The value types a {@link ParameterSpec} can declare. */
public enum ParameterType {
    /** A whole number ({@code long}). */
    INTEGER,
    /** A real number ({@code double}). */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One of a fixed set of words. */
    CHOICE,
    /** Free text. */
    TEXT,
    /** A list of whole numbers, e.g. a kernel size {@code [3, 3]}; a single number stands for a list of one. */
    INTEGER_LIST,
    /**
     * The id of an installed contribution of one kind ({@link ParameterSpec#kind()}), e.g. a
     * model's reconstruction loss: any installed loss, a plugin's included.
     */
    CONTRIBUTION
}
