package io.latentlab.ui.internal;

import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.ILog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.eclipse.ui.ide.IDE;

import io.latentlab.ui.ExampleExperiments;
import io.latentlab.ui.WorkbenchLayout;

/** Workbench life cycle: the workspace as the explorer's input (a new one seeded with the examples), saved on shutdown. */
final class LatentlabWorkbenchAdvisor extends WorkbenchAdvisor {

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        super.initialize(configurer);
        IDE.registerAdapters(); // resources shown and adapted as in the IDE (explorer, markers)
        configurer.setSaveAndRestore(true);
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new LatentlabWindowAdvisor(configurer);
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return WorkbenchLayout.PERSPECTIVE_ID;
    }

    @Override
    public IAdaptable getDefaultPageInput() {
        return ResourcesPlugin.getWorkspace().getRoot();
    }

    @Override
    public void postStartup() {
        if (ExampleExperiments.seedEmptyWorkspace()) {
            openWelcome(PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        }
    }

    /**
     * A first start opens on the welcome page, not an empty editor area or a form to fill in.
     *
     * @param window the window, or {@code null}
     */
    static void openWelcome(IWorkbenchWindow window) {
        if (window == null || window.getActivePage() == null) {
            return;
        }
        try {
            WelcomeEditor.open(window.getActivePage());
        } catch (PartInitException e) {
            ILog.of(LatentlabWorkbenchAdvisor.class).warn("cannot open the welcome page: " + e.getMessage());
        }
    }

    @Override
    public void postShutdown() {
        // Without a save, markers and resource state written since start-up are lost.
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        try {
            workspace.save(true, null);
        } catch (CoreException e) {
            ILog.of(getClass()).log(e.getStatus());
        }
    }
}
