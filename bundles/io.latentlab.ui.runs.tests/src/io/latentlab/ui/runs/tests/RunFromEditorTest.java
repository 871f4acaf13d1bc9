package io.latentlab.ui.runs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.ui.WorkbenchCommands;
import io.latentlab.ui.editor.internal.ExperimentForm;
import io.latentlab.ui.editor.internal.ExperimentFormEditor;
import io.latentlab.ui.runs.RunsPreferences;
import io.latentlab.ui.tests.support.Shots;
import io.latentlab.ui.tests.support.WorkspaceFiles;

/** The researcher edits an experiment and presses Run on the form: it is saved, then trained as saved. */
class RunFromEditorTest {

    private static final String EXPERIMENT = """
            name: run-from-editor
            seed: 1
            dataset:
              id: mnist
              train_limit: 512
              test_limit: 128
            model:
              id: autoencoder
              encoder:
                - dense: {units: 16, activation: relu}
              decoder:
                - dense: {units: 784, activation: sigmoid}
            optimizer:
              id: adam
            training:
              epochs: 1
              batch_size: 64
            """;

    @Test
    void runOnTheFormSavesTheEditsAndTrainsThem(@TempDir Path folder) throws Exception {
        System.setProperty(RunsPreferences.RUNS_PROPERTY, folder.resolve("runs").toString());
        try {
            Display display = Display.getCurrent();
            IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            IWorkbenchPage page = window.getActivePage();
            IFile file = WorkspaceFiles.experiment("run-from-editor.experiment.yaml", EXPERIMENT);
            ExperimentFormEditor editor = (ExperimentFormEditor) IDE.openEditor(page, file);
            page.activate(editor);
            ExperimentForm form = editor.form();
            Text seed = (Text) form.control("seed");
            seed.setText("7");
            assertTrue(editor.isDirty());

            form.control(WorkbenchCommands.RUN_EXPERIMENT).notifyListeners(SWT.Selection, new Event());
            assertTrue(!editor.isDirty(), "saved before running");
            Shots.until(display, "a completed run from the editor's Run", 300_000,
                    () -> RunEditors.completed(folder.resolve("runs")) != null);
            Path run = RunEditors.completed(folder.resolve("runs"));
            assertTrue(Files.readString(run.resolve("experiment.yaml")).contains("seed: 7"), "the run trains what was saved");
            assertEquals("run-from-editor", run.getFileName().toString().replaceFirst("^\\d{8}-\\d{6}-", ""));
            page.closeEditor(editor, false);
        } finally {
            RunEditors.closeAll();
            System.clearProperty(RunsPreferences.RUNS_PROPERTY);
        }
    }
}
