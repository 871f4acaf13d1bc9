package io.latentlab.engine;

/**
 * A loss, gradient, output or parameter became NaN or infinite; the message names the value,
 * the layer (or attached activation) and the bundle that contributed it.
 */
public final class NonFiniteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what became non-finite, and where
     */
    public NonFiniteException(String message) {
        super(message);
    }

    /**
     * @param message what became non-finite, and where
     * @param cause the finding this one reports in its context
     */
    public NonFiniteException(String message, Throwable cause) {
        super(message, cause);
    }
}
