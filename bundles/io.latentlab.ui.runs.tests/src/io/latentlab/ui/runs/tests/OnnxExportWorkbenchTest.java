package io.latentlab.ui.runs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunInfo;
import io.latentlab.ui.runs.RunViews;
import io.latentlab.ui.runs.RunsPreferences;
import io.latentlab.ui.runs.internal.RunEditor;
import io.latentlab.ui.runs.internal.RunsView;
import io.latentlab.ui.tests.support.Controls;
import io.latentlab.ui.tests.support.Installed;
import io.latentlab.ui.tests.support.ModalDialog;
import io.latentlab.ui.tests.support.Shots;

/**
 * Export Network as ONNX... as a researcher uses it: right-click a trained VAE in the Runs view,
 * see its encoder and decoder with their inputs and outputs, keep only the decoder, choose a
 * folder, Export: the decoder's ONNX model is written there and the status line says so. Then
 * the same from the run's editor, with the defaults.
 */
class OnnxExportWorkbenchTest {

    @Test
    void exportTheDecoderOfATrainedVae(@TempDir Path folder) throws Exception {
        Display display = Display.getCurrent();
        Path runs = folder.resolve("runs");
        System.setProperty(RunsPreferences.RUNS_PROPERTY, runs.toString());
        try {
            Path experiment = folder.resolve("vae.experiment.yaml");
            Files.writeString(experiment, """
                    name: onnx-vae
                    seed: 2
                    dataset: {id: mnist, train_limit: 256, test_limit: 64}
                    model:
                      id: vae
                      latent_dim: 2
                      encoder:
                        - flatten: {}
                        - dense: {units: 32, activation: relu}
                      decoder:
                        - dense: {units: 32, activation: relu}
                        - dense: {units: 784, activation: sigmoid}
                        - reshape: {shape: [1, 28, 28]}
                    optimizer: {id: adam, learning_rate: 0.003}
                    training: {epochs: 1, batch_size: 64}
                    """);
            new ExperimentRunner(Installed.registry()).run(new ExperimentReader(Installed.registry()).read(experiment), runs,
                    (line, end) -> { });

            IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            window.getShell().setSize(1500, 950);
            RunsView view = (RunsView) window.getActivePage().showView(RunViews.RUNS_VIEW_ID);
            view.refresh();
            Shots.until(display, "the run in the table", () -> view.visibleRuns().size() == 1);
            RunInfo run = view.visibleRuns().get(0);
            view.select(List.of(run.name()));
            Path out = folder.resolve("for-colleagues");

            AtomicBoolean shown = new AtomicBoolean();
            List<String> offered = ModalDialog.inspect(display, () -> {
                view.exportOnnxSelected();
                // the run is read off the UI thread, then the dialog opens (and runs its own loop until it closes)
                Shots.until(display, "the export dialog", shown::get);
            }, dialog -> {
                shown.set(true);
                assertEquals("Export Network as ONNX", dialog.getText());
                Table networks = field(dialog, Table.class, "networks");
                List<String> items = Arrays.stream(networks.getItems()).map(TableItem::getText).toList();
                Shots.take(display, dialog.getBounds(), "export-onnx-dialog.png");
                networks.getItem(0).setChecked(false); // the encoder
                field(dialog, Text.class, "folder").setText(out.toString());
                Button export = Controls.all(dialog, Button.class).stream().filter(b -> "&Export".equals(b.getText()))
                        .findFirst().orElseThrow();
                assertTrue(export.isEnabled());
                export.notifyListeners(SWT.Selection, new Event());
                return items;
            });
            assertEquals(2, offered.size(), offered.toString());
            assertTrue(offered.get(0).startsWith("encoder    input [1, 28, 28]  \u2192  "), offered.get(0));
            assertTrue(offered.get(1).startsWith("decoder    input [2]  \u2192  "), offered.get(1));

            Path decoder = out.resolve("decoder.onnx");
            Shots.until(display, "decoder.onnx written", () -> Files.isRegularFile(decoder));
            assertTrue(Files.size(decoder) > 90_000, "the weights are in the file: " + Files.size(decoder) + " bytes");
            assertTrue(Files.notExists(out.resolve("encoder.onnx")), "the unchecked encoder is not written");
            Shots.idle(display);
            Shots.take(display, window.getShell().getBounds(), "export-onnx-done.png");

            // the run's test arrays for a notebook: RUN/export.npz (a zip of .npy files)
            view.exportNpzSelected();
            Path npz = run.directory().resolve("export.npz");
            Shots.until(display, "export.npz written", () -> Files.isRegularFile(npz));
            byte[] head = Files.readAllBytes(npz);
            assertTrue(head.length > 1000 && head[0] == 'P' && head[1] == 'K', "a zip archive: " + head.length + " bytes");
            assertTrue(new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).contains("reconstructions.npy"));

            // the same from the run's editor (Overview page), with the defaults: every network into RUN/onnx
            RunEditor editor = (RunEditor) RunViews.openRun(window.getActivePage(), run.directory());
            editor.showPage(RunEditor.OVERVIEW);
            AtomicBoolean again = new AtomicBoolean();
            ModalDialog.inspect(display, () -> {
                editor.exportOnnx();
                Shots.until(display, "the export dialog from the run editor", again::get);
            }, dialog -> {
                again.set(true);
                Controls.all(dialog, Button.class).stream().filter(b -> "&Export".equals(b.getText())).findFirst()
                        .orElseThrow().notifyListeners(SWT.Selection, new Event());
                return null;
            });
            Path defaults = run.directory().resolve("onnx");
            Shots.until(display, "both networks in RUN/onnx", () -> Files.isRegularFile(defaults.resolve("encoder.onnx"))
                    && Files.isRegularFile(defaults.resolve("decoder.onnx")));
            Shots.idle(display);
            Shots.take(display, window.getShell().getBounds(), "run-editor-export-onnx.png");
        } finally {
            RunEditors.closeAll();
            System.clearProperty(RunsPreferences.RUNS_PROPERTY);
        }
    }

    private static <T extends org.eclipse.swt.widgets.Control> T field(Shell dialog, Class<T> type, String name) {
        return Controls.all(dialog, type).stream().filter(c -> name.equals(c.getData("latentlab.field"))).findFirst()
                .orElseThrow(() -> new AssertionError("the dialog has no field " + name));
    }
}
