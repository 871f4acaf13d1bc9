package io.latentlab.ui.runs.tests;

import java.util.Arrays;

import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;

import io.latentlab.ui.runs.RunViews;

/** Closes the run editors and sample comparisons a test opened, so that the next test does not share the UI thread with them. */
final class RunEditors {

    private RunEditors() {
    }

    static void closeAll() {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.closeEditors(Arrays.stream(page.getEditorReferences())
                .filter(reference -> RunViews.RUN_EDITOR_ID.equals(reference.getId())
                        || RunViews.SAMPLES_EDITOR_ID.equals(reference.getId())).toArray(IEditorReference[]::new), false);
    }

    /** @return the open run editors' tab titles */
    static java.util.List<String> titles() {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        return Arrays.stream(page.getEditorReferences()).filter(reference -> RunViews.RUN_EDITOR_ID.equals(reference.getId()))
                .map(IEditorReference::getPartName).toList();
    }
}
