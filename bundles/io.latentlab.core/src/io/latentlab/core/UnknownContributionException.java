package io.latentlab.core;

import java.util.Collection;
import java.util.Optional;

/**
 * Thrown when no installed contribution has the requested id. The message says first whether a
 * plugin that provided the id is missing (from the {@link ContributionHistory}), then suggests
 * the closest installed id, then lists the installed ones.
 */
public final class UnknownContributionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param kind the kind looked up
     * @param id the id that was not found
     * @param installed the ids of that kind that are installed
     */
    public UnknownContributionException(ContributionKind kind, String id, Collection<String> installed) {
        this(kind.label(), id, installed, Optional.empty());
    }

    /**
     * @param kind what was looked up, e.g. {@code activation}
     * @param id the id that was not found
     * @param installed the ids of that kind that are installed
     * @param whyMissing why no installed bundle provides it, when known
     */
    public UnknownContributionException(String kind, String id, Collection<String> installed, Optional<String> whyMissing) {
        super("unknown " + kind + " '" + id + "'" + whyMissing.map(why -> ": " + why).orElse("")
                + Suggestions.closest(id, installed).map(s -> "; did you mean '" + s + "'?")
                        .orElse(whyMissing.isPresent() ? "." : "")
                + " Installed: " + (installed.isEmpty() ? "none" : String.join(", ", installed.stream().sorted().toList())));
    }

    /**
     * @param registry the installed contributions
     * @param kind what was looked up, e.g. {@code activation}
     * @param id the id that was not found
     * @param type the contribution interface looked up
     * @return the exception, with the installed ids of that type and the registry's {@link ContributionRegistry#whyMissing}
     */
    public static UnknownContributionException of(ContributionRegistry registry, String kind, String id,
            Class<? extends Contribution> type) {
        return new UnknownContributionException(kind, id, registry.list(type).stream().map(RegisteredContribution::id)
                .toList(), registry.whyMissing(id));
    }
}
