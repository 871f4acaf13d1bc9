package io.latentlab.ui.tests.support;

import org.eclipse.ui.PlatformUI;

import io.latentlab.core.ContributionRegistry;

/** What the running product has installed, as the workbench's e4 context sees it. */
public final class Installed {

    private Installed() {
    }

    /** @return the contribution registry of the running product */
    public static ContributionRegistry registry() {
        ContributionRegistry registry = PlatformUI.getWorkbench().getService(ContributionRegistry.class);
        if (registry == null) {
            throw new IllegalStateException("no ContributionRegistry service: is io.latentlab.core active?");
        }
        return registry;
    }
}
