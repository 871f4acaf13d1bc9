package io.latentlab.engine;

/** A contribution a run uses was uninstalled while it ran; the run stops instead of hanging or misbehaving. */
public final class ContributionRemovedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which contribution, from which bundle
     */
    public ContributionRemovedException(String message) {
        super(message);
    }
}
