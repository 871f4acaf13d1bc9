package io.latentlab.ui;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.services.IServiceLocator;

/**
 * e4 injection for the workbench's views and editors (3.x parts, which the workbench does not
 * inject by itself): a part's {@code @Inject @Service} fields are filled from its site's
 * context, kept current while the services come and go, and released with the part.
 * <pre>{@code
 * @Inject @Service ContributionRegistry registry;
 *
 * public void createPartControl(Composite parent) {
 *     PartInjection.inject(this, getSite(), parent);
 *     ...
 * }</pre>
 */
public final class PartInjection {

    private PartInjection() {
    }

    /**
     * Injects the part now and uninjects it when {@code lifetime} is disposed (the part closes).
     *
     * @param part the view or editor with {@code @Inject} fields or methods
     * @param site the part's site
     * @param lifetime the part's top control
     * @throws org.eclipse.e4.core.di.InjectionException naming the missing service, if a required one is not running
     */
    public static void inject(Object part, IServiceLocator site, Control lifetime) {
        IEclipseContext context = site.getService(IEclipseContext.class);
        ContextInjectionFactory.inject(part, context);
        lifetime.addDisposeListener(event -> ContextInjectionFactory.uninject(part, context));
    }
}
