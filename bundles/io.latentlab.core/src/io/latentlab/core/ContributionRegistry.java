package io.latentlab.core;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The installed contributions, tracked as bundles come and go. In OSGi, get it as a service;
 * outside OSGi (tests, benchmarks), use {@link #of(Contribution...)}.
 */
public interface ContributionRegistry {

    /**
     * @param type a contribution interface, e.g. {@code LayerFactory.class}; activations count as layers
     * @param id the id
     * @param <T> the contribution type
     * @return the contribution in use for that id, if installed
     */
    <T extends Contribution> Optional<T> find(Class<T> type, String id);

    /**
     * @param type a contribution interface
     * @param id the id
     * @param <T> the contribution type
     * @return the contribution in use for that id
     * @throws UnknownContributionException naming the installed ids, with a "did you mean"
     */
    <T extends Contribution> T get(Class<T> type, String id);

    /**
     * @param type a contribution interface
     * @param <T> the contribution type
     * @return the contributions in use of that type (activations included for layers), sorted by id
     */
    <T extends Contribution> List<RegisteredContribution<T>> list(Class<T> type);

    /**
     * @param id an id no installed bundle provides
     * @return why, when a {@link ContributionHistory} knows: e.g. the plugin that provided it is not installed now
     */
    default Optional<String> whyMissing(String id) {
        return Optional.empty();
    }

    /** @return every id contributed more than once, with the one chosen */
    List<DuplicateContribution> duplicates();

    /**
     * @param listener told of every contribution added or removed from now on
     * @return closing it stops the notifications
     */
    AutoCloseable subscribe(Consumer<ContributionEvent> listener);

    /**
     * @param contributions fixed contributions (attributed to bundle {@code static})
     * @return a registry that holds exactly these
     */
    static ContributionRegistry of(Contribution... contributions) {
        ContributionTable table = new ContributionTable();
        for (Contribution contribution : contributions) {
            table.add(new RegisteredContribution<>(contribution, ContributionKind.of(contribution), "static", "0.0.0"));
        }
        return table;
    }
}
