package io.latentlab.engine;

/** A loss or gradient became NaN or infinite; the message names the layer where it first appeared. */
public final class NonFiniteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what became non-finite, and where
     */
    public NonFiniteException(String message) {
        super(message);
    }
}
