package io.latentlab.ui.runs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
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

    /** Id of the run comparison view (one instance per set of runs). */
    public static final String COMPARE_VIEW_ID = "io.latentlab.ui.runs.compare";

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
        return page.openEditor(new RunsEditorInput(runs), SAMPLES_EDITOR_ID, true,
                IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID);
    }

    /**
     * @param page the workbench page
     * @param runs two or more run directories
     * @return the comparison view overlaying their metrics and diffing their configurations
     * @throws PartInitException if the view cannot be created
     */
    public static IViewPart compare(IWorkbenchPage page, List<Path> runs) throws PartInitException {
        return page.showView(COMPARE_VIEW_ID, secondaryId(runs), IWorkbenchPage.VIEW_ACTIVATE);
    }

    /**
     * @param run a run directory
     * @return a view secondary id for it (a path may hold ':', which secondary ids may not)
     */
    public static String secondaryId(Path run) {
        return secondaryId(List.of(run));
    }

    /**
     * @param runs run directories
     * @return one view secondary id for all of them
     */
    public static String secondaryId(List<Path> runs) {
        String joined = String.join("\n", runs.stream().map(run -> run.toAbsolutePath().normalize().toString()).toList());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param secondaryId from {@link #secondaryId(List)}
     * @return the run directories
     */
    public static List<Path> runs(String secondaryId) {
        String joined = new String(Base64.getUrlDecoder().decode(secondaryId), StandardCharsets.UTF_8);
        return Arrays.stream(joined.split("\n")).map(Path::of).toList();
    }

    /**
     * @param secondaryId from {@link #secondaryId(Path)}
     * @return the run directory
     */
    public static Path run(String secondaryId) {
        return runs(secondaryId).get(0);
    }
}
