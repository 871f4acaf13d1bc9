package io.latentlab.ui;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.latentlab.core.ContributionRegistry;

/** The headless services the workbench's views use, looked up in the OSGi service registry. */
public final class Services {

    private Services() {
    }

    /**
     * @return the contribution registry (layers, optimizers, models, ... of every installed bundle)
     * @throws IllegalStateException if the core bundle's service is not running
     */
    public static ContributionRegistry registry() {
        BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
        ServiceReference<ContributionRegistry> reference = context == null ? null
                : context.getServiceReference(ContributionRegistry.class);
        if (reference == null) {
            throw new IllegalStateException("the contribution registry is not available: is io.latentlab.core active"
                    + " with Declarative Services (org.apache.felix.scr)?");
        }
        return context.getService(reference);
    }

    /** @return this framework's bundle context, for installing plugin bundles */
    public static BundleContext context() {
        return FrameworkUtil.getBundle(Services.class).getBundleContext();
    }
}
