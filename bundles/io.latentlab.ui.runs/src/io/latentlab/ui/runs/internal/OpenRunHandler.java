package io.latentlab.ui.runs.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import io.latentlab.runs.RunDirectory;
import io.latentlab.ui.runs.RunViews;
import io.latentlab.ui.runs.RunsPreferences;

/**
 * Open Run ({@code io.latentlab.ui.openRun}): from the Project Explorer's context menu, opens the
 * selected run folder in its run editor; from the welcome page, asks for a run folder anywhere
 * (e.g. one trained with the {@code latentlab} command).
 */
public final class OpenRunHandler extends AbstractHandler {

    private static final Function<Shell, String> DIALOG = shell -> {
        DirectoryDialog dialog = new DirectoryDialog(shell);
        dialog.setText("Open a Run");
        dialog.setMessage("A run folder: one holding " + RunDirectory.SNAPSHOT);
        dialog.setFilterPath(RunsPreferences.runsFolder().toString());
        return dialog.open();
    };

    /** Asks for the folder; a test replaces the dialog. */
    private static Function<Shell, String> chooser = DIALOG;

    /**
     * Replaces the folder dialog (for tests).
     *
     * @param choose answers as the dialog would (a folder, or {@code null} for Cancel); {@code null}
     *        for the dialog again
     */
    public static void chooseWith(Function<Shell, String> choose) {
        chooser = choose == null ? DIALOG : choose;
    }

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        Shell shell = HandlerUtil.getActiveShell(event);
        IResource selected = HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection
                ? Adapters.adapt(selection.getFirstElement(), IResource.class) : null;
        String chosen = selected instanceof IContainer folder && folder.getLocation() != null
                ? folder.getLocation().toOSString() : chooser.apply(shell);
        if (chosen == null) {
            return null;
        }
        Path run = Path.of(chosen);
        if (!Files.isRegularFile(run.resolve(RunDirectory.SNAPSHOT))) {
            MessageDialog.openError(shell, "Open a Run", run + " is not a run folder: it holds no " + RunDirectory.SNAPSHOT
                    + ". A run folder is what training writes, e.g. runs/20261207-171442-dense-vae.");
            return null;
        }
        try {
            RunViews.openRun(HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage(), run);
        } catch (PartInitException e) {
            throw new ExecutionException("cannot open the run " + run, e);
        }
        return null;
    }
}
