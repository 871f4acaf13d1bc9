package io.latentlab.ui.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.junit.jupiter.api.Test;

import io.latentlab.experiments.ExperimentText;
import io.latentlab.ui.editor.internal.ExperimentForm;
import io.latentlab.ui.editor.internal.ExperimentFormEditor;
import io.latentlab.ui.editor.internal.ExperimentProblems;
import io.latentlab.ui.tests.support.Installed;
import io.latentlab.ui.tests.support.Shots;
import io.latentlab.ui.tests.support.WorkspaceFiles;

/**
 * A researcher edits an experiment on the form page: a field typed in the form changes
 * exactly that value in the YAML (comments kept), layers are added and reordered from the
 * table, a wrong value is marked on its line and on its field, an edit in the source shows in
 * the form, and undo reverts form edits.
 */
class ExperimentFormTest {

    private static final String VAE = """
            # A dense VAE on MNIST
            name: form-vae
            seed: 1
            dataset:
              id: mnist
            model:
              id: vae
              latent_dim: 20   # the code size
              encoder:
                - dense: {units: 400, activation: relu}
              decoder:
                - dense: {units: 400, activation: relu}
                - dense: {units: 784, activation: sigmoid}
            optimizer:
              id: adam
              learning_rate: 0.001
            training:
              epochs: 1
              batch_size: 128
            """;

    private static Object at(IDocument document, String path) {
        return ExperimentText.at(ExperimentText.values(document.get())
                .orElse(null), path);
    }

    @Test
    void theFormAndTheYamlStayInStepBothWays() throws Exception {
        Display display = Display.getCurrent();
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getShell().setSize(1500, 950);
        IFile file = WorkspaceFiles.experiment("form.experiment.yaml", VAE);
        IWorkbenchPage page = window.getActivePage();
        ExperimentFormEditor editor = (ExperimentFormEditor) IDE.openEditor(page, file);
        assertTrue(editor.formShown(), "the form page opens first");
        page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
        ExperimentForm form = editor.form();
        ITextEditor source = editor.getAdapter(ITextEditor.class);
        IDocument document = source.getDocumentProvider().getDocument(editor.getEditorInput());
        Shots.until(display, "the form's optimizer fields", () -> form.control("optimizer.learning_rate") != null);

        // the form shows the file's values, from the schemas
        assertEquals("0.001", text(form, "optimizer.learning_rate").getText());
        assertEquals("default: 0.9", text(form, "optimizer.beta_1").getMessage(), "an omitted parameter shows its default");
        Combo model = (Combo) form.control("model.id");
        assertTrue(model.getText().startsWith("vae  \u2014  Variational"), "each model with its name: " + model.getText());
        assertTrue(ids(model).contains("autoencoder"), "the installed models are offered: " + ids(model));

        // typing in the form changes that value only
        type(text(form, "optimizer.learning_rate"), "0.0005");
        type(text(form, "model.latent_dim"), "2");
        assertEquals(VAE.replace("learning_rate: 0.001", "learning_rate: 0.0005").replace("latent_dim: 20   #",
                "latent_dim: 2   #"), document.get());
        assertTrue(editor.isDirty());

        // a parameter the file omits is added to its section; clearing it removes it again
        type(text(form, "training.evaluate_every"), "2");
        assertTrue(document.get().endsWith("  batch_size: 128\n  evaluate_every: 2\n"), document.get());
        type(text(form, "training.evaluate_every"), "");
        assertTrue(document.get().endsWith("  batch_size: 128\n"), document.get());
        // how many checkpoints a run keeps: a training field like the others, written and cleared the same way
        type(text(form, "training.keep_checkpoints"), "3");
        assertTrue(document.get().endsWith("  batch_size: 128\n  keep_checkpoints: 3\n"), document.get());
        type(text(form, "training.keep_checkpoints"), "");
        assertTrue(document.get().endsWith("  batch_size: 128\n"), document.get());

        // the first encoder layer is selected: its parameters come from the dense layer's schema
        type(text(form, "model.encoder[0].dense.units"), "256");
        assertTrue(document.get().contains("encoder:\n    - dense: {units: 256, activation: relu}\n"), document.get());

        // add a layer from the table: it lacks its required units, which the form and the markers say
        Combo type = (Combo) form.control("model.encoder#type");
        type.select(type.indexOf("dense"));
        press(form.control("model.encoder#add"));
        waitFor(display, () -> form.control("model.encoder[1].dense.units") != null, "the new layer's fields");
        assertTrue(document.get().contains("    - dense: {units: 256, activation: relu}\n    - dense: {}\n"),
                document.get());
        waitFor(display, () -> form.message().contains("1 problem"), "the missing units reported: " + form.message());
        assertTrue(form.message().contains("model.encoder[1].dense"), form.message());
        type(text(form, "model.encoder[1].dense.units"), "64");
        Combo activation = (Combo) form.control("model.encoder[1].dense.activation");
        activation.select(activation.indexOf("tanh"));
        activation.notifyListeners(SWT.Selection, new Event());
        assertTrue(document.get().contains("    - dense: {units: 64, activation: tanh}\n"), document.get());
        waitFor(display, () -> form.message().isEmpty(), "no problems left: " + form.message());

        // move it up: the whole item moves
        press(form.control("model.encoder#up"));
        assertTrue(document.get().contains(
                "encoder:\n    - dense: {units: 64, activation: tanh}\n    - dense: {units: 256, activation: relu}\n"),
                document.get());
        waitFor(display, () -> ((Table) form.control("model.encoder")).getSelectionIndex() == 0, "the moved layer selected");

        // a wrong value typed in the form: a marker on its line, the field marked, the count at the top
        type(text(form, "training.batch_size"), "lots");
        waitFor(display, () -> form.message().contains("1 problem"), "the bad batch size reported: " + form.message());
        IMarker[] markers = file.findMarkers(ExperimentProblems.MARKER, false, IResource.DEPTH_ZERO);
        assertEquals(1, markers.length);
        assertEquals(lineOf(document.get(), "batch_size: lots"), markers[0].getAttribute(IMarker.LINE_NUMBER, -1));
        assertNotNull(text(form, "training.batch_size").getBackground());
        Shots.idle(display);
        Shots.take(display, window.getShell().getBounds(), "editor-form.png");
        type(text(form, "training.batch_size"), "64");

        // an augmentation from the installed ones: added as a list, its parameters from its schema, removed again
        String beforeAugmenting = document.get();
        Combo augmentation = (Combo) form.control("augmentations#type");
        augmentation.select(augmentation.indexOf("shift"));
        press(form.control("augmentations#add"));
        assertTrue(document.get().endsWith("augmentations:\n  - id: shift\n"), document.get());
        waitFor(display, () -> form.control("augmentations[0].max_pixels") != null, "the shift's parameters");
        type(text(form, "augmentations[0].max_pixels"), "3");
        assertTrue(document.get().endsWith("augmentations:\n  - id: shift\n    max_pixels: 3\n"), document.get());
        press(form.control("augmentations[0]#remove"));
        assertTrue(document.get().endsWith("augmentations: []\n"), document.get());
        waitFor(display, () -> form.control("augmentations[0].max_pixels") == null, "the shift gone from the form");

        // the decoder gets its own optimizer (starting from the shared one's id), and gives it up again
        document.set(beforeAugmenting);
        waitFor(display, () -> form.control("optimizers.decoder#own") != null, "the per-network optimizer choice");
        Button own = (Button) form.control("optimizers.decoder#own");
        own.setSelection(true);
        own.notifyListeners(SWT.Selection, new Event());
        assertTrue(document.get().endsWith("optimizers: {decoder: {id: adam}}\n"), document.get());
        waitFor(display, () -> form.control("optimizers.decoder.learning_rate") != null, "the decoder's optimizer section");
        type(text(form, "optimizers.decoder.learning_rate"), "0.01");
        assertTrue(document.get().endsWith("optimizers: {decoder: {id: adam, learning_rate: 0.01}}\n"), document.get());
        own = (Button) form.control("optimizers.decoder#own");
        own.setSelection(false);
        own.notifyListeners(SWT.Selection, new Event());
        assertEquals(beforeAugmenting, document.get(), "no optimizers section left behind");

        // a learning-rate schedule for the optimizer: chosen among the installed ones, with its warm-up and parameters
        Combo schedule = (Combo) form.control("optimizer.schedule.id");
        schedule.select(ids(schedule).indexOf("cosine"));
        schedule.notifyListeners(SWT.Selection, new Event());
        assertEquals("cosine", at(document, "optimizer.schedule.id"), document.get());
        waitFor(display, () -> form.control("optimizer.schedule.warmup_steps") != null, "the schedule's warm-up field");
        type(text(form, "optimizer.schedule.warmup_steps"), "100");
        type(text(form, "optimizer.schedule.minimum_rate"), "0.00001");
        assertEquals(100L, at(document, "optimizer.schedule.warmup_steps"), document.get());
        assertEquals(1.0e-5, at(document, "optimizer.schedule.minimum_rate"), document.get());
        assertTrue(ExperimentProblems.check(Installed.registry(), file, document.get()).isEmpty(),
                "the form wrote a valid experiment");
        schedule = (Combo) form.control("optimizer.schedule.id");
        schedule.select(0);
        schedule.notifyListeners(SWT.Selection, new Event());
        assertEquals(beforeAugmenting, document.get(), "a constant rate again: the schedule is gone");

        // YAML the form cannot read: it says so and offers no fields, until the source is fixed
        String readable = document.get();
        document.set(readable.replace("training:\n", "training: [\n"));
        waitFor(display, () -> form.message().contains("cannot be read"), "the form says the YAML is unreadable");
        assertEquals(null, form.control("optimizer.learning_rate"), "no fields over unreadable YAML");
        document.set(readable);
        waitFor(display, () -> form.control("optimizer.learning_rate") != null, "the form is back");

        // an edit in the source shows in the form
        editor.showSource();
        int at = document.get().indexOf("0.0005");
        document.replace(at, "0.0005".length(), "0.002");
        editor.showForm();
        waitFor(display, () -> text(form, "optimizer.learning_rate").getText().equals("0.002"), "the form follows the source");
        // choosing another optimizer rebuilds its parameters from that optimizer's schema
        Combo optimizer = (Combo) form.control("optimizer.id");
        optimizer.select(ids(optimizer).indexOf("sgd"));
        optimizer.notifyListeners(SWT.Selection, new Event());
        assertTrue(document.get().contains("  id: sgd\n  learning_rate: 0.002\n"), document.get());
        waitFor(display, () -> form.control("optimizer.beta_1") == null, "adam's beta_1 gone with adam");

        // undo (the source page's history, also from the form page) reverts the optimizer change
        source.getAction(ITextEditorActionConstants.UNDO).run();
        assertTrue(document.get().contains("  id: adam\n  learning_rate: 0.002\n"), document.get());
        waitFor(display, () -> form.control("optimizer.beta_1") != null, "adam's parameters back");
        Shots.idle(display);
        Shots.take(display, window.getShell().getBounds(), "editor-form-synced.png");

        // a model whose stacks the file lacks: the form says so and starts one
        String beforeModel = document.get();
        Combo models = (Combo) form.control("model.id");
        models.select(ids(models).indexOf("gan"));
        models.notifyListeners(SWT.Selection, new Event());
        waitFor(display, () -> form.control("model.generator#add") != null, "the GAN's missing generator offered");
        Combo layerType = (Combo) form.control("model.generator#type");
        layerType.select(layerType.indexOf("dense"));
        press(form.control("model.generator#add"));
        assertTrue(document.get().contains("  generator:\n    - dense: {}\n"), document.get());
        waitFor(display, () -> form.control("model.generator[0].dense.units") != null, "the generator's first layer");
        document.set(beforeModel);
        waitFor(display, () -> form.control("model.generator#add") == null, "back to the VAE");


        editor.doSave(null);
        assertTrue(!editor.isDirty());
        page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_RESTORED);
        page.closeEditor(editor, false);
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Combo chooser) {
        return (List<String>) chooser.getData(ExperimentForm.IDS);
    }

    private static Text text(ExperimentForm form, String path) {
        Control control = form.control(path);
        assertNotNull(control, "no field " + path);
        return (Text) control;
    }

    /** Types a whole value as a user does: focus, replace the text (one Modify event), leave. */
    private static void type(Text field, String value) {
        field.setFocus();
        field.setText(value);
        Shots.idle(field.getDisplay());
    }

    private static void press(Control button) {
        button.notifyListeners(SWT.Selection, new Event());
        Shots.idle(button.getDisplay());
    }

    private static void waitFor(Display display, BooleanSupplier condition, String what) {
        Shots.until(display, what, condition);
    }

    private static int lineOf(String text, String fragment) {
        return (int) text.substring(0, text.indexOf(fragment)).chars().filter(c -> c == '\n').count() + 1;
    }
}
