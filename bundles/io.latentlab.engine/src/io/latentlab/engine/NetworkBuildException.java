package io.latentlab.engine;

/** Thrown when a {@link NetworkSpec} cannot be built; the message names the node and what is wrong. */
public final class NetworkBuildException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String node;

    /**
     * @param node the node at fault, or empty
     * @param message what is wrong
     * @param cause the underlying error, or {@code null}
     */
    public NetworkBuildException(String node, String message, Throwable cause) {
        super(message, cause);
        this.node = node;
    }

    /** @return the node at fault, or empty */
    public String node() {
        return node;
    }
}
