package io.latentlab.ui.internal;

import org.eclipse.jface.preference.IPreferenceNode;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferenceLinkArea;
import org.eclipse.ui.preferences.IWorkbenchPreferenceContainer;

import io.latentlab.ui.WorkbenchLayout;

/**
 * Preferences > Latentlab: the parent of every Latentlab page, whichever bundle contributes it
 * (appearance, backend, runs, ...), with a link to each installed one.
 */
public final class LatentlabPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    @Override
    public void init(IWorkbench workbench) {
        noDefaultAndApplyButton();
        setDescription("Latentlab's settings, kept with the workspace. Command-line options (-Dlatentlab.runs,"
                + " LATENTLAB_THREADS) override them for one session.");
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        IPreferenceNode node = PlatformUI.getWorkbench().getPreferenceManager().find(WorkbenchLayout.PREFERENCES);
        if (node != null && getContainer() instanceof IWorkbenchPreferenceContainer workbench) {
            for (IPreferenceNode child : node.getSubNodes()) {
                PreferenceLinkArea area = new PreferenceLinkArea(page, SWT.NONE, child.getId(),
                        "<a>" + child.getLabelText() + "</a>", workbench, null);
                area.getControl().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
            }
        }
        return page;
    }
}
