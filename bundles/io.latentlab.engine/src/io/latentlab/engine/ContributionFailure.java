package io.latentlab.engine;

/**
 * A layer or activation (often a plugin's) threw or broke its contract; the message names the
 * node, the contribution and its bundle, so it passes up unwrapped.
 */
final class ContributionFailure extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    ContributionFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
