package io.latentlab.ui.latent.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.menus.CommandContributionItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.ui.latent.internal.LatentSpace;
import io.latentlab.ui.runs.RunViews;
import io.latentlab.ui.runs.RunsPreferences;
import io.latentlab.ui.runs.internal.RunEditor;
import io.latentlab.ui.runs.internal.RunsView;
import io.latentlab.ui.tests.support.Installed;
import io.latentlab.ui.tests.support.Shots;

/**
 * A 2-D VAE's test codes as a scatter by label, on its run editor's Latent page opened from the
 * Runs view; a clicked point is decoded into an image.
 */
class LatentSpaceWorkbenchTest {

    private static final String SHOW_COMMAND = "io.latentlab.ui.latent.show";

    @Test
    void aVaesCodesAreShownByLabelAndAPointIsDecoded(@TempDir Path folder) throws Exception {
        Display display = Display.getCurrent();
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getShell().setSize(1500, 950);
        Path file = folder.resolve("vae2.experiment.yaml");
        Files.writeString(file, """
                name: vae-2d
                seed: 2
                dataset:
                  id: mnist
                  train_limit: 2048
                  test_limit: 500
                model:
                  id: vae
                  latent_dim: 2
                  encoder:
                    - dense: {units: 128, activation: relu}
                  decoder:
                    - dense: {units: 128, activation: relu}
                    - dense: {units: 784, activation: sigmoid}
                optimizer:
                  id: adam
                  learning_rate: 0.002
                training:
                  epochs: 3
                  batch_size: 64
                """);
        Path run = new ExperimentRunner(Installed.registry()).run(new ExperimentReader(Installed.registry()).read(file),
                folder.resolve("runs"), (line, end) -> { });
        IWorkbenchPage page = window.getActivePage();
        LatentSpace view = latentSpaceFromTheRunsView(page, run);
        RunEditor editor = (RunEditor) page.getActiveEditor();
        assertEquals(List.of("Overview", "Charts", "Samples", "Latent"), editor.pageTitles());
        view.job().join(60_000, null);
        Shots.until(display, "the codes plotted, one series per digit", () -> view.seriesSizes().length == 10);
        int[] sizes = view.seriesSizes();
        assertEquals(10, sizes.length, "one series per digit");
        assertEquals(500, Arrays.stream(sizes).sum(), "every test code is shown");
        view.show(7);
        assertTrue(view.showsAnImage());
        assertTrue(!view.showsAPath());
        view.show(12); // a second click: the decoded path from example 7 to 12 appears below
        view.interpolate(7, 12);
        assertTrue(view.showsAPath());
        Shots.idle(display);
        Shots.take(display, window.getShell().getBounds(), "latent-space.png");
        assertTrue(view.showsAManifold(), "a 2-D VAE gets its decoded manifold");
        view.showManifold();
        Shots.idle(display);
        Shots.take(display, window.getShell().getBounds(), "latent-manifold.png");
        page.closeAllEditors(false);
    }

    /**
     * As a researcher opens it: selects the run in the Runs view and presses Latent Space, the
     * button this bundle adds to that view's toolbar.
     */
    private static LatentSpace latentSpaceFromTheRunsView(IWorkbenchPage page, Path run) throws Exception {
        String property = System.setProperty(RunsPreferences.RUNS_PROPERTY, run.getParent().toString());
        try {
            RunsView runs = (RunsView) page.showView(RunViews.RUNS_VIEW_ID);
            runs.refresh();
            assertTrue(Arrays.stream(((ToolBarManager) runs.getViewSite().getActionBars().getToolBarManager()).getItems())
                    .anyMatch(item -> SHOW_COMMAND.equals(item.getId()) || item instanceof CommandContributionItem command
                            && SHOW_COMMAND.equals(command.getCommand().getId())), "Latent Space is on the Runs view's toolbar");
            runs.select(List.of(run.getFileName().toString()));
            page.activate(runs);
            PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(SHOW_COMMAND, null);
        } finally {
            if (property == null) {
                System.clearProperty(RunsPreferences.RUNS_PROPERTY);
            } else {
                System.setProperty(RunsPreferences.RUNS_PROPERTY, property);
            }
        }
        LatentSpace latent = LatentSpace.of(run);
        assertNotNull(latent, "the selected run's editor is open on its Latent page");
        return latent;
    }
}
