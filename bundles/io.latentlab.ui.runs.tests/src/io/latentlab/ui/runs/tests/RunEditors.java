package io.latentlab.ui.runs.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;

import io.latentlab.ui.runs.RunViews;
import io.latentlab.ui.runs.internal.RunComparisonEditor;

/**
 * Closes the run editors and sample comparisons a test opened, so that the next test does not share the UI thread
 * with them; finds a completed run.
 */
final class RunEditors {

    private RunEditors() {
    }

    static void closeAll() {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.closeEditors(Arrays.stream(page.getEditorReferences())
                .filter(reference -> RunViews.RUN_EDITOR_ID.equals(reference.getId())
                        || RunViews.SAMPLES_EDITOR_ID.equals(reference.getId())
                        || RunViews.COMPARE_EDITOR_ID.equals(reference.getId())).toArray(IEditorReference[]::new), false);
    }

    /** @return the open run comparisons */
    static java.util.List<RunComparisonEditor> comparisons() {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        return Arrays.stream(page.getEditorReferences()).filter(reference -> RunViews.COMPARE_EDITOR_ID.equals(reference.getId()))
                .map(reference -> reference.getEditor(false)).filter(RunComparisonEditor.class::isInstance)
                .map(RunComparisonEditor.class::cast).toList();
    }

    /** @return the open run editors' tab titles */
    static java.util.List<String> titles() {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        return Arrays.stream(page.getEditorReferences()).filter(reference -> RunViews.RUN_EDITOR_ID.equals(reference.getId()))
                .map(IEditorReference::getPartName).toList();
    }

    /**
     * @param runs a runs folder
     * @return a run in it that completed, or {@code null} (yet)
     */
    static Path completed(Path runs) {
        if (!Files.isDirectory(runs)) {
            return null;
        }
        try (Stream<Path> entries = Files.list(runs)) {
            return entries.filter(run -> {
                try {
                    return Files.readString(run.resolve("status")).startsWith("completed");
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().orElse(null);
        } catch (IOException e) {
            return null; // the folder changes under us: look again
        }
    }
}
