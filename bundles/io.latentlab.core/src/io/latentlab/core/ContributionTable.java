package io.latentlab.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.osgi.framework.Version;

/**
 * The registry's bookkeeping: contributions by kind and id, duplicate resolution, listeners.
 * Shared by the OSGi registry component and {@link ContributionRegistry#of}.
 */
public class ContributionTable implements ContributionRegistry {

    private static final Comparator<RegisteredContribution<?>> PREFERENCE = Comparator
            .comparing((RegisteredContribution<?> r) -> Version.parseVersion(r.version())).reversed()
            .thenComparing(RegisteredContribution::bundle);

    /** kind label -> id -> all registrations, preferred first. */
    private final Map<String, Map<String, List<RegisteredContribution<?>>>> entries = new LinkedHashMap<>();
    private final List<Consumer<ContributionEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<ContributionHistory> histories = new CopyOnWriteArrayList<>();

    /** @param history asked by {@link #whyMissing} from now on */
    public void addHistory(ContributionHistory history) {
        histories.add(history);
    }

    /** @param history no longer asked */
    public void removeHistory(ContributionHistory history) {
        histories.remove(history);
    }

    @Override
    public Optional<String> whyMissing(String id) {
        for (ContributionHistory history : histories) {
            Optional<String> why = history.whyMissing(id);
            if (why.isPresent()) {
                return why;
            }
        }
        return Optional.empty();
    }

    /**
     * Adds a registration and tells the listeners.
     *
     * @param registered the new registration
     */
    public void add(RegisteredContribution<?> registered) {
        synchronized (entries) {
            List<RegisteredContribution<?>> sameId = entries.computeIfAbsent(registered.kind().label(), k -> new TreeMap<>())
                    .computeIfAbsent(registered.id(), k -> new ArrayList<>());
            sameId.add(registered);
            sameId.sort(PREFERENCE);
        }
        fire(new ContributionEvent(true, registered));
    }

    /**
     * Removes a registration (matched by identity) and tells the listeners.
     *
     * @param contribution the contribution going away
     */
    public void remove(Contribution contribution) {
        RegisteredContribution<?> removed = null;
        synchronized (entries) {
            for (Map<String, List<RegisteredContribution<?>>> byId : entries.values()) {
                List<RegisteredContribution<?>> sameId = byId.get(contribution.id());
                if (sameId == null) {
                    continue;
                }
                for (RegisteredContribution<?> registered : sameId) {
                    if (registered.contribution() == contribution) {
                        removed = registered;
                    }
                }
                if (removed != null) {
                    sameId.remove(removed);
                    if (sameId.isEmpty()) {
                        byId.remove(contribution.id());
                    }
                    break;
                }
            }
        }
        if (removed != null) {
            fire(new ContributionEvent(false, removed));
        }
    }

    @Override
    public <T extends Contribution> Optional<T> find(Class<T> type, String id) {
        synchronized (entries) {
            for (Map<String, List<RegisteredContribution<?>>> byId : entries.values()) {
                List<RegisteredContribution<?>> sameId = byId.get(id);
                if (sameId != null && type.isInstance(sameId.get(0).contribution())) {
                    return Optional.of(type.cast(sameId.get(0).contribution()));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public <T extends Contribution> T get(Class<T> type, String id) {
        return find(type, id).orElseThrow(() -> UnknownContributionException.of(this, ContributionKind.ofType(type).label(),
                id, type));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Contribution> List<RegisteredContribution<T>> list(Class<T> type) {
        List<RegisteredContribution<T>> result = new ArrayList<>();
        synchronized (entries) {
            for (Map<String, List<RegisteredContribution<?>>> byId : entries.values()) {
                for (List<RegisteredContribution<?>> sameId : byId.values()) {
                    if (type.isInstance(sameId.get(0).contribution())) {
                        result.add((RegisteredContribution<T>) sameId.get(0));
                    }
                }
            }
        }
        result.sort(Comparator.comparing(RegisteredContribution::id));
        return result;
    }

    @Override
    public List<DuplicateContribution> duplicates() {
        List<DuplicateContribution> duplicates = new ArrayList<>();
        synchronized (entries) {
            for (Map<String, List<RegisteredContribution<?>>> byId : entries.values()) {
                for (List<RegisteredContribution<?>> sameId : byId.values()) {
                    if (sameId.size() > 1) {
                        duplicates.add(new DuplicateContribution(sameId.get(0).kind(), sameId.get(0).id(), sameId.get(0),
                                List.copyOf(sameId.subList(1, sameId.size()))));
                    }
                }
            }
        }
        return duplicates;
    }

    @Override
    public AutoCloseable subscribe(Consumer<ContributionEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void fire(ContributionEvent event) {
        for (Consumer<ContributionEvent> listener : listeners) {
            listener.accept(event);
        }
    }
}
