package io.latentlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.ui.Services;
import io.latentlab.ui.latent.internal.LatentSpaceView;
import io.latentlab.ui.runs.RunsUi;

/** A 2-D VAE's test codes as a scatter by label; a clicked point is decoded into an image. */
class LatentSpaceWorkbenchTest {

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
        Path run = new ExperimentRunner(Services.registry()).run(new ExperimentReader(Services.registry()).read(file),
                folder.resolve("runs"), (line, end) -> { });
        IWorkbenchPage page = window.getActivePage();
        LatentSpaceView view = (LatentSpaceView) page.showView(LatentSpaceView.ID, RunsUi.encode(run),
                IWorkbenchPage.VIEW_ACTIVATE);
        view.job().join(60_000, null);
        Shots.settle(display, 1500);
        int[] sizes = view.seriesSizes();
        assertEquals(10, sizes.length, "one series per digit");
        assertEquals(500, Arrays.stream(sizes).sum(), "every test code is shown");
        view.show(7);
        assertTrue(view.showsAnImage());
        assertTrue(!view.showsAPath());
        view.show(12); // a second click: the decoded path from example 7 to 12 appears below
        view.interpolate(7, 12);
        assertTrue(view.showsAPath());
        Shots.settle(display, 500);
        Shots.take(display, window.getShell().getBounds(), "latent-space.png");
        assertTrue(view.showsAManifold(), "a 2-D VAE gets its decoded manifold");
        view.showManifold();
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        Shots.settle(display, 500);
        Shots.take(display, window.getShell().getBounds(), "latent-manifold.png");
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
    }
}
