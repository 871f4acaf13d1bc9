package io.latentlab.ui.latent.internal;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import io.latentlab.runs.RunInfo;
import io.latentlab.ui.runs.RunViews;

/**
 * Latent Space on the Runs view's toolbar (contributed from here, so that the Runs view does not
 * need to know the page exists): opens each selected run on its editor's Latent page.
 */
public final class ShowLatentSpaceHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        List<RunInfo> runs = HandlerUtil.getCurrentStructuredSelection(event).toList().stream()
                .filter(RunInfo.class::isInstance).map(RunInfo.class::cast).toList();
        if (runs.isEmpty()) {
            MessageDialog.openInformation(HandlerUtil.getActiveShell(event), "Latent Space",
                    "Select a trained run in the Runs view.");
            return null;
        }
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
        for (RunInfo run : runs) {
            if (!RunInfo.hasLatentCodes(run.directory())) {
                MessageDialog.openInformation(HandlerUtil.getActiveShell(event), "Latent Space", run.name()
                        + " has no latent space to show: its model does not encode examples into codes, or it has not"
                        + " finished training.");
                continue;
            }
            try {
                RunViews.openRun(page, run.directory(), LatentRunPage.TITLE);
            } catch (PartInitException e) {
                throw new ExecutionException("cannot open the latent space of " + run.directory(), e);
            }
        }
        return null;
    }
}
