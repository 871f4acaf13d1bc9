package io.latentlab.ui.runs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunFigures;
import io.latentlab.ui.runs.RunEditorPage;
import io.latentlab.ui.runs.RunViews;
import io.latentlab.ui.runs.internal.RunEditor;
import io.latentlab.ui.tests.support.Installed;
import io.latentlab.ui.tests.support.Shots;

/**
 * The pages that model bundles add to the run editor through their figures: a GAN's Fixed noise
 * over epochs, a VQ-VAE's Codebook usage and a U-Net's Overlays with per-image IoU.
 */
class ModelPagesWorkbenchTest {

    @AfterEach
    void closeEditors() {
        RunEditors.closeAll();
    }

    private static Path train(Path folder, String experiment) throws Exception {
        Path file = folder.resolve("pages.experiment.yaml");
        Files.writeString(file, experiment);
        return new ExperimentRunner(Installed.registry()).run(new ExperimentReader(Installed.registry()).read(file),
                folder.resolve("runs"), (line, end) -> { });
    }

    private static RunEditor open(Path run) throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getShell().setSize(1600, 1000);
        IWorkbenchPage page = window.getActivePage();
        return (RunEditor) RunViews.openRun(page, run);
    }

    private static void screenshot(String name) {
        Display display = Display.getCurrent();
        Shots.idle(display);
        Shots.take(display, PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().getBounds(), name);
    }

    @Test
    void aGansFixedNoisePageShowsTheSameCodesAtEveryEpoch(@TempDir Path folder) throws Exception {
        Path run = train(folder, """
                name: gan-pages
                seed: 2
                dataset: {id: mnist, train_limit: 512, test_limit: 128}
                model:
                  id: gan
                  latent_dim: 16
                  generator:
                    - dense: {units: 64, activation: leaky_relu}
                    - dense: {units: 784, activation: tanh}
                  discriminator:
                    - dense: {units: 64, activation: leaky_relu}
                optimizer: {id: adam, learning_rate: 0.001}
                training: {epochs: 3, batch_size: 64}
                """);
        RunEditor editor = open(run);
        assertEquals(List.of("Overview", "Charts", "Samples", "Fixed noise"), editor.pageTitles());
        editor.showPage("Fixed noise");
        RunFigures.Drawn last = editor.showFigureOf("fixed-noise", 2);
        assertEquals(3, last.epoch());
        assertTrue(last.isImages() && last.captions().isEmpty());
        screenshot("run-editor-fixed-noise.png");
        RunFigures.Drawn first = editor.showFigureOf("fixed-noise", 0);
        assertEquals(1, first.epoch());
        assertTrue(!Arrays.equals(Files.readAllBytes(first.image()), Files.readAllBytes(last.image())),
                "the generator changed between epochs 1 and 3");
    }

    @Test
    void aVqVaesCodebookUsagePageShowsABarPerEntry(@TempDir Path folder) throws Exception {
        Path run = train(folder, """
                name: vqvae-pages
                seed: 3
                dataset: {id: mnist, train_limit: 512, test_limit: 128}
                model:
                  id: vqvae
                  codes: 24
                  encoder:
                    - conv2d: {filters: 8, kernel: 3, stride: 2, activation: relu}
                    - conv2d: {filters: 4, kernel: 3, stride: 2}
                  decoder:
                    - conv2d_transpose: {filters: 8, kernel: 3, stride: 2, activation: relu}
                    - conv2d_transpose: {filters: 1, kernel: 3, stride: 2, activation: sigmoid}
                optimizer: {id: adam, learning_rate: 0.002}
                training: {epochs: 2, batch_size: 64}
                """);
        RunEditor editor = open(run);
        assertEquals(List.of("Overview", "Charts", "Samples", "Latent", "Codebook usage"), editor.pageTitles());
        editor.showPage("Codebook usage");
        RunFigures.Drawn usage = editor.showFigureOf("codebook-usage", 1);
        assertEquals(2, usage.epoch());
        assertEquals(24, usage.values().length);
        assertEquals(1.0, Arrays.stream(usage.values()).sum(), 1e-9);
        screenshot("run-editor-codebook-usage.png");
    }

    @Test
    void aUnetsOverlaysPageCaptionsEachImageWithItsIou(@TempDir Path folder) throws Exception {
        Path run = train(folder, """
                name: unet-pages
                seed: 1
                dataset: {id: mnist, train_limit: 512, test_limit: 128}
                model:
                  id: unet
                  depth: 1
                  filters: 4
                  noise_std: 0.3
                  occlusion: 6
                optimizer: {id: adam, learning_rate: 0.003}
                training: {epochs: 2, batch_size: 64}
                """);
        RunEditor editor = open(run);
        assertEquals(List.of("Overview", "Charts", "Samples", "Overlays"), editor.pageTitles());
        editor.showPage("Overlays");
        RunFigures.Drawn overlays = editor.showFigureOf("overlays", 1);
        assertEquals(16, overlays.captions().size());
        Shots.until(Display.getCurrent(), "the captions drawn on the image",
                () -> editor.figureCaptions("overlays").equals(overlays.captions()));
        screenshot("run-editor-overlays.png");
    }

    /** A contributed page that throws shows which page, which bundle and why; the editor's other pages work. */
    @Test
    void aContributedPageThatThrowsIsReplacedByItsMessage(@TempDir Path folder) throws Exception {
        Path run = train(folder, TinyAutoencoder.experiment("broken-page", ""));
        BundleContext context = FrameworkUtil.getBundle(ModelPagesWorkbenchTest.class).getBundleContext();
        ServiceRegistration<RunEditorPage> registration = context.registerService(RunEditorPage.class, new RunEditorPage() {
            @Override
            public String title() {
                return "Broken";
            }

            @Override
            public boolean appliesTo(Path directory) {
                return true;
            }

            @Override
            public Runnable create(Composite parent, Path directory) {
                throw new IllegalStateException("page bug");
            }
        }, null);
        try {
            RunEditor editor = open(run);
            assertEquals(List.of("Overview", "Charts", "Samples", "Broken", "Latent"), editor.pageTitles());
            editor.showPage("Broken");
            assertEquals("The page 'Broken' of bundle io.latentlab.ui.runs.tests failed: java.lang.IllegalStateException:"
                    + " page bug", editor.pageMessage("Broken"));
            editor.showPage(RunEditor.SAMPLES);
            assertEquals(1, editor.sampleGrids());
        } finally {
            registration.unregister();
        }
    }
}
