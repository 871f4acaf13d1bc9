package io.latentlab.core.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

import io.latentlab.core.Contribution;
import io.latentlab.core.ContributionHistory;
import io.latentlab.core.ContributionKind;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.ContributionTable;
import io.latentlab.core.RegisteredContribution;

/**
 * The registry service: tracks the contribution services of every {@link ContributionKind}
 * as bundles start and stop.
 */
@Component(service = ContributionRegistry.class, immediate = true)
public final class ServiceContributionRegistry extends ContributionTable {

    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    @Activate
    void activate(BundleContext context) {
        for (ContributionKind kind : ContributionKind.all()) {
            ServiceTracker<Contribution, Contribution> tracker = new ServiceTracker<>(context,
                    kind.serviceType().getName(), new Customizer(context, kind));
            tracker.open(true);
            trackers.add(tracker);
        }
        ServiceTracker<ContributionHistory, ContributionHistory> histories = new ServiceTracker<>(context,
                ContributionHistory.class, new ServiceTrackerCustomizer<>() {
                    @Override
                    public ContributionHistory addingService(ServiceReference<ContributionHistory> reference) {
                        ContributionHistory history = context.getService(reference);
                        if (history != null) {
                            addHistory(history);
                        }
                        return history;
                    }

                    @Override
                    public void modifiedService(ServiceReference<ContributionHistory> reference,
                            ContributionHistory history) {
                        // nothing to update
                    }

                    @Override
                    public void removedService(ServiceReference<ContributionHistory> reference,
                            ContributionHistory history) {
                        removeHistory(history);
                        context.ungetService(reference);
                    }
                });
        histories.open();
        trackers.add(histories);
    }

    @Deactivate
    void deactivate() {
        trackers.forEach(ServiceTracker::close);
        trackers.clear();
    }

    private final class Customizer implements ServiceTrackerCustomizer<Contribution, Contribution> {

        private final BundleContext context;
        private final ContributionKind kind;

        Customizer(BundleContext context, ContributionKind kind) {
            this.context = context;
            this.kind = kind;
        }

        @Override
        public Contribution addingService(ServiceReference<Contribution> reference) {
            Contribution contribution = context.getService(reference);
            if (contribution == null) {
                return null;
            }
            add(new RegisteredContribution<>(contribution, kind, reference.getBundle().getSymbolicName(),
                    reference.getBundle().getVersion().toString()));
            return contribution;
        }

        @Override
        public void modifiedService(ServiceReference<Contribution> reference, Contribution contribution) {
            // ids are fixed for a contribution's lifetime; nothing to update
        }

        @Override
        public void removedService(ServiceReference<Contribution> reference, Contribution contribution) {
            remove(contribution);
            context.ungetService(reference);
        }
    }
}
