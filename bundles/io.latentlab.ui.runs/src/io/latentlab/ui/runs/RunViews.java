package io.latentlab.ui.runs;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

import io.latentlab.ui.runs.internal.RunEditor;

/**
 * The views of runs this bundle contributes, and the secondary ids that say which run a view
 * shows, so that other bundles (the latent space view, tests) open them the same way.
 */
public final class RunViews {

    /** Id of the Runs view. */
    public static final String RUNS_VIEW_ID = "io.latentlab.ui.runs.view";

    /** Id of the run editor (one per run: Overview, Charts, Samples). */
    public static final String RUN_EDITOR_ID = "io.latentlab.ui.runs.editor";

    /** Id of the sample comparison editor (one per set of runs). */
    public static final String SAMPLES_EDITOR_ID = "io.latentlab.ui.runs.samples";

    /** Id of the run comparison editor (one per set of runs). */
    public static final String COMPARE_EDITOR_ID = "io.latentlab.ui.runs.compare";

    private RunViews() {
    }

    /**
     * @param page the workbench page
     * @param run a run directory
     * @return the run's editor (opened, or brought to the front: one per run)
     * @throws PartInitException if the editor cannot be created
     */
    public static IEditorPart openRun(IWorkbenchPage page, Path run) throws PartInitException {
        return page.openEditor(new RunEditorInput(run), RUN_EDITOR_ID, true, IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID);
    }

    /**
     * Opens a run's editor on one of its pages.
     *
     * @param page the workbench page
     * @param run a run directory
     * @param pageTitle the title of the page to show, e.g. {@code Latent}
     * @return the run's editor
     * @throws PartInitException if the editor cannot be created
     * @throws IllegalArgumentException if the editor has no such page for this run
     */
    public static IEditorPart openRun(IWorkbenchPage page, Path run, String pageTitle) throws PartInitException {
        IEditorPart editor = openRun(page, run);
        ((RunEditor) editor).showPage(pageTitle);
        return editor;
    }

    /**
     * @param page the workbench page
     * @param runs two or more run directories
     * @return the editor showing their sample grids side by side, one epoch slider for all
     * @throws PartInitException if the editor cannot be created
     */
    public static IEditorPart compareSamples(IWorkbenchPage page, List<Path> runs) throws PartInitException {
        return page.openEditor(new RunsEditorInput(runs, "Samples"), SAMPLES_EDITOR_ID, true,
                IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID);
    }

    /**
     * @param page the workbench page
     * @param runs two or more run directories
     * @return the editor comparing their metrics (opened, or brought to the front)
     * @throws PartInitException if the editor cannot be created
     */
    public static IEditorPart compare(IWorkbenchPage page, List<Path> runs) throws PartInitException {
        return page.openEditor(new RunsEditorInput(runs, "Compare"), COMPARE_EDITOR_ID, true,
                IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID);
    }
}
