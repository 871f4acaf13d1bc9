package io.latentlab.core.layer;

/** Thrown by {@link Layer#build} when the input shapes do not suit the layer; says what was expected and received. */
public final class ShapeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param expected what the layer accepts, e.g. {@code a [channels, height, width] image}
     * @param received the shapes it was given
     */
    public ShapeException(String expected, Object received) {
        super("expected " + expected + ", received " + received);
    }
}
