package io.latentlab.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import io.latentlab.ui.WorkbenchLayout;

/**
 * The default layout: explorer on the left, editors in the centre, results on the right,
 * status views at the bottom.
 */
public final class LatentlabPerspective implements IPerspectiveFactory {

    /** Id of the Error Log view (org.eclipse.ui.views.log). */
    static final String ERROR_LOG_VIEW_ID = "org.eclipse.pde.runtime.LogView";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        layout.setEditorAreaVisible(true);

        IFolderLayout explorer = layout.createFolder(WorkbenchLayout.EXPLORER_STACK, IPageLayout.LEFT, 0.22f, editors);
        explorer.addView(IPageLayout.ID_PROJECT_EXPLORER);

        IFolderLayout status = layout.createFolder(WorkbenchLayout.STATUS_STACK, IPageLayout.BOTTOM, 0.72f, editors);
        status.addView(IPageLayout.ID_PROBLEM_VIEW);
        status.addView(IPageLayout.ID_PROGRESS_VIEW);
        status.addView(ERROR_LOG_VIEW_ID);

        // Empty until a results view (dashboard, latent space, network) is opened; the bundles that
        // contribute them place them here with their perspective extensions.
        layout.createPlaceholderFolder(WorkbenchLayout.RESULTS_STACK, IPageLayout.RIGHT, 0.6f, editors);

        layout.addShowViewShortcut(IPageLayout.ID_PROJECT_EXPLORER);
        layout.addShowViewShortcut(IPageLayout.ID_PROBLEM_VIEW);
        layout.addShowViewShortcut(IPageLayout.ID_PROGRESS_VIEW);
        layout.addShowViewShortcut(ERROR_LOG_VIEW_ID);
    }
}
