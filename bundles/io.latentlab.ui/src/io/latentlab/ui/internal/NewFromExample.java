package io.latentlab.ui.internal;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;
import org.eclipse.ui.ide.IDE;

import io.latentlab.ui.ExampleExperiments;

/** File > New Experiment from Example: choose an example, get a copy in the workspace, open in the editor. */
final class NewFromExample {

    private NewFromExample() {
    }

    static void run(IWorkbenchWindow window) {
        List<Path> examples = ExampleExperiments.list();
        if (examples.isEmpty()) {
            MessageDialog.openInformation(window.getShell(), "New Experiment from Example", "No examples were found in "
                    + ExampleExperiments.folder() + ".");
            return;
        }
        ElementListSelectionDialog dialog = new ElementListSelectionDialog(window.getShell(), new LabelProvider() {
            @Override
            public String getText(Object element) {
                return ((Path) element).getFileName().toString().replace(".experiment.yaml", "");
            }
        });
        dialog.setTitle("New Experiment from Example");
        dialog.setMessage("Example (a copy goes into the '" + ExampleExperiments.PROJECT + "' project):");
        dialog.setElements(examples.toArray());
        dialog.setMultipleSelection(false);
        if (dialog.open() != Window.OK || dialog.getFirstResult() == null) {
            return;
        }
        try {
            IFile file = ExampleExperiments.copyIntoWorkspace((Path) dialog.getFirstResult());
            IDE.openEditor(window.getActivePage(), file);
        } catch (Exception e) {
            MessageDialog.openError(window.getShell(), "New Experiment from Example", "Cannot create the experiment: "
                    + e.getMessage());
        }
    }
}
