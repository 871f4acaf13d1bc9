package io.latentlab.ui.runs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.navigator.CommonNavigator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.runs.ExperimentRunner;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.ui.ExampleExperiments;
import io.latentlab.ui.WorkbenchCommands;
import io.latentlab.ui.internal.WelcomeEditor;
import io.latentlab.ui.runs.RunEditorInput;
import io.latentlab.ui.runs.RunsPreferences;
import io.latentlab.ui.runs.internal.OpenRunHandler;
import io.latentlab.ui.runs.internal.RunEditor;
import io.latentlab.ui.runs.internal.RunFolderTester;
import io.latentlab.ui.tests.support.Installed;
import io.latentlab.ui.tests.support.Shots;

/**
 * The first-start page: the examples listed, Train the Example trains one, Open a Run opens a run folder; and Open Run
 * on a run folder in the Project Explorer.
 */
class WelcomeWorkbenchTest {

    private static final String TINY = "# A tiny autoencoder for the welcome page's test.\n"
            + TinyAutoencoder.experiment("welcome-ae", "");

    @Test
    void theWelcomePageTrainsAnExampleAndOpensARun(@TempDir Path folder) throws Exception {
        Path examples = Files.createDirectories(folder.resolve("examples"));
        Files.writeString(examples.resolve("welcome-ae.experiment.yaml"), TINY);
        Files.writeString(examples.resolve("welcome-other.experiment.yaml"), TINY.replace("# A tiny autoencoder",
                "# Another tiny autoencoder").replace("name: welcome-ae", "name: welcome-other"));
        System.setProperty(ExampleExperiments.PROPERTY, examples.toString());
        System.setProperty(RunsPreferences.RUNS_PROPERTY, folder.resolve("runs").toString());
        Display display = Display.getCurrent();
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getShell().setSize(1600, 1000);
        IWorkbenchPage page = window.getActivePage();
        try {
            WelcomeEditor welcome = WelcomeEditor.open(page);
            assertEquals(List.of(WelcomeEditor.TRAIN, WelcomeEditor.OPEN_RUN, WelcomeEditor.INSTALL), welcome.actions());
            assertEquals(List.of("welcome-ae", "welcome-other"), welcome.examples());
            Shots.idle(display);
            Shots.take(display, window.getShell().getBounds(), "welcome.png");

            // Train the Example: the example opens in the experiment editor and trains from there
            welcome.select("welcome-ae");
            welcome.press(WelcomeEditor.TRAIN);
            assertTrue(page.getActiveEditor().getEditorInput() instanceof IFileEditorInput input
                    && input.getFile().getName().equals("welcome-ae.experiment.yaml"), "the example is open in its editor");
            Shots.until(display, "a completed run of the example", 120_000, () -> RunEditors.completed(folder.resolve("runs")) != null);

            // Open a Run: a run folder trained elsewhere (by the command line) opens in its editor
            Path elsewhere = new ExperimentRunner(Installed.registry()).run(new ExperimentReader(Installed.registry())
                    .read(examples.resolve("welcome-other.experiment.yaml")), folder.resolve("elsewhere"), (line, end) -> { });
            OpenRunHandler.chooseWith(shell -> elsewhere.toString());
            WelcomeEditor.open(page).press(WelcomeEditor.OPEN_RUN);
            assertTrue(page.getActiveEditor() instanceof RunEditor editor
                    && ((RunEditorInput) editor.getEditorInput()).run().equals(elsewhere), "the chosen run is open");
        } finally {
            OpenRunHandler.chooseWith(null);
            page.closeAllEditors(false);
            RunEditors.closeAll();
            System.clearProperty(ExampleExperiments.PROPERTY);
            System.clearProperty(RunsPreferences.RUNS_PROPERTY);
        }
    }

    /** A run folder inside a project (here copied in; or a linked runs folder): Open Run on it in the Project Explorer. */
    @Test
    void aRunFolderInTheProjectExplorerOpensAsARun(@TempDir Path folder) throws Exception {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("lab-runs");
        if (!project.exists()) {
            project.create(null);
        }
        project.open(null);
        Path example = folder.resolve("tiny.experiment.yaml");
        Files.writeString(example, TINY);
        Path run = new ExperimentRunner(Installed.registry()).run(new ExperimentReader(Installed.registry()).read(example),
                project.getLocation().toFile().toPath(), (line, end) -> { });
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        IFolder runFolder = project.getFolder(run.getFileName().toString());
        assertTrue(new RunFolderTester().test(runFolder, "isRun", null, null), "a run folder");
        assertTrue(!new RunFolderTester().test(project, "isRun", null, null), "a project is not a run");

        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        try {
            CommonNavigator explorer = (CommonNavigator) page.showView(IPageLayout.ID_PROJECT_EXPLORER);
            explorer.selectReveal(new StructuredSelection(runFolder));
            page.activate(explorer);
            PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(WorkbenchCommands.OPEN_RUN, null);
            assertTrue(page.getActiveEditor() instanceof RunEditor editor
                    && ((RunEditorInput) editor.getEditorInput()).run().equals(run.toAbsolutePath().normalize()),
                    "the selected run is open");
        } finally {
            RunEditors.closeAll();
            project.delete(true, true, null);
        }
    }
}
