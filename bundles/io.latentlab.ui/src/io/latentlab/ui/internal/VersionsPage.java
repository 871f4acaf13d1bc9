package io.latentlab.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.about.InstallationPage;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.latentlab.core.ContributionKind;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.nd4j.Nd4jRuntime;

/** Help > About > Installation Details > Latentlab: the versions of Latentlab, ND4J and Java, and what is installed. */
public final class VersionsPage extends InstallationPage {

    @Override
    public void createControl(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        area.setLayout(new FillLayout());
        Text text = new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        text.setFont(JFaceResources.getTextFont());
        text.setText(String.join("\n", lines()));
        setControl(area);
    }

    /** @return the lines shown (for tests) */
    public static List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Latentlab       " + FrameworkUtil.getBundle(VersionsPage.class).getVersion());
        try {
            lines.addAll(Nd4jRuntime.initialize().describe());
        } catch (RuntimeException | LinkageError e) {
            lines.add("ND4J            not loaded: " + e.getMessage());
        }
        lines.add("");
        // Held only while the lines are written: the page is a dialog's, not a part with a lifetime.
        BundleContext context = FrameworkUtil.getBundle(VersionsPage.class).getBundleContext();
        ServiceTracker<ContributionRegistry, ContributionRegistry> tracker = new ServiceTracker<>(context,
                ContributionRegistry.class, null);
        tracker.open();
        try {
            ContributionRegistry registry = tracker.getService();
            if (registry == null) {
                lines.add("No contributions: the registry of io.latentlab.core is not running.");
                return lines;
            }
            for (ContributionKind kind : ContributionKind.all()) {
                List<String> ids = registry.list(kind.serviceType()).stream().filter(r -> r.kind().equals(kind))
                        .map(r -> r.id()).toList();
                lines.add(String.format("%-15s %2d  %s", kind.label(), ids.size(), String.join(", ", ids)));
            }
        } finally {
            tracker.close();
        }
        return lines;
    }
}
