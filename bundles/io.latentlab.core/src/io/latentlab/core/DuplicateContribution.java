package io.latentlab.core;

import java.util.List;

/**
 * Two or more installed contributions of one kind with the same id. The one from the highest
 * bundle version is used (then the smallest bundle name, so the choice never depends on start order).
 *
 * @param kind their kind
 * @param id the shared id
 * @param used the one in use
 * @param ignored the others
 */
public record DuplicateContribution(ContributionKind kind, String id, RegisteredContribution<?> used,
        List<RegisteredContribution<?>> ignored) {

    /** @return a sentence for logs and the Plugins view */
    public String message() {
        return kind.label() + " id '" + id + "' is contributed by " + (ignored.size() + 1) + " bundles; using "
                + used.bundle() + " " + used.version() + ", ignoring "
                + String.join(", ", ignored.stream().map(r -> r.bundle() + " " + r.version()).toList());
    }
}
