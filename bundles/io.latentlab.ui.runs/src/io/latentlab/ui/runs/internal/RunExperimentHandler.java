package io.latentlab.ui.runs.internal;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.handlers.HandlerUtil;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.ui.runs.ExperimentJob;

/**
 * Run Experiment (Run menu, Ctrl+F11, the experiment form's Run button, an experiment file's
 * context menu): trains the experiment in the active editor, saved first so that the run is
 * what the researcher sees, or else the selected {@code *.experiment.yaml} file.
 */
public final class RunExperimentHandler extends AbstractHandler {

    private static final String SUFFIX = ".experiment.yaml";

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchPart part = HandlerUtil.getActivePart(event);
        Path experiment = part instanceof IEditorPart editor ? fromEditor(editor) : null;
        if (experiment == null && HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection) {
            IFile file = Adapters.adapt(selection.getFirstElement(), IFile.class);
            if (file != null && file.getLocation() != null && file.getName().endsWith(SUFFIX)) {
                experiment = file.getLocation().toFile().toPath();
            }
        }
        if (experiment == null) {
            MessageDialog.openInformation(HandlerUtil.getActiveShell(event), "Run Experiment",
                    "Open an experiment (*" + SUFFIX + ") in the editor, or select one in the Project Explorer.");
            return null;
        }
        // The window's e4 context holds the OSGi services; the job keeps the registry while it trains.
        ContributionRegistry registry = HandlerUtil.getActiveWorkbenchWindow(event).getService(ContributionRegistry.class);
        ExperimentJob.train(experiment, registry).schedule();
        return null;
    }

    /** @return the editor's experiment file, saved first, or null when it edits something else */
    private static Path fromEditor(IEditorPart editor) {
        Path file = null;
        if (editor.getEditorInput() instanceof IFileEditorInput input && input.getFile().getLocation() != null) {
            file = input.getFile().getLocation().toFile().toPath();
        } else if (editor.getEditorInput() instanceof IURIEditorInput input && "file".equals(input.getURI().getScheme())) {
            file = Path.of(input.getURI());
        }
        if (file == null || !file.getFileName().toString().endsWith(SUFFIX)) {
            return null;
        }
        if (editor.isDirty()) {
            editor.doSave(null);
        }
        return file;
    }
}
