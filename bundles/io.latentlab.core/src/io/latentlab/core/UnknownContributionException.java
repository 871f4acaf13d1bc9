package io.latentlab.core;

import java.util.Collection;

/** Thrown when no installed contribution has the requested id; names the installed ones. */
public final class UnknownContributionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param kind the kind looked up
     * @param id the id that was not found
     * @param installed the ids of that kind that are installed
     */
    public UnknownContributionException(ContributionKind kind, String id, Collection<String> installed) {
        super("unknown " + kind.label() + " '" + id + "'" + Suggestions.closest(id, installed)
                .map(s -> "; did you mean '" + s + "'?").orElse("") + " Installed: "
                + (installed.isEmpty() ? "none" : String.join(", ", installed.stream().sorted().toList())));
    }
}
