package io.latentlab.ui.runs.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import io.latentlab.runs.RunDirectory;

/** What the workbench's exports of a run (ONNX, NumPy) share: the checkpoint they need, and how a failure is told. */
final class RunExportJobs {

    private RunExportJobs() {
    }

    /**
     * @param shell the workbench window's shell
     * @param run the run directory
     * @param title the export's title
     * @return whether the run has a checkpoint to export; if not, the user is told so
     */
    static boolean checkpointed(Shell shell, Path run, String title) {
        if (Files.isRegularFile(run.resolve(RunDirectory.CHECKPOINT))) {
            return true;
        }
        MessageDialog.openInformation(shell, title, run.getFileName() + " has no checkpoint yet: a run can be exported"
                + " once it has trained at least one epoch.");
        return false;
    }

    /** Tells the user in a dialog, from any thread (the workbench stays as it was), and logs the cause. */
    static void failed(Shell shell, String title, String message, Exception cause) {
        ILog.of(RunExportJobs.class).warn(title + ": " + message, cause);
        shell.getDisplay().asyncExec(() -> {
            if (!shell.isDisposed()) {
                MessageDialog.openError(shell, title, message);
            }
        });
    }
}
