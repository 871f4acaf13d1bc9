package io.latentlab.ui.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;

import io.latentlab.ui.ExampleExperiments;
import io.latentlab.ui.editor.internal.ExperimentFormEditor;
import io.latentlab.ui.editor.internal.ExperimentProblems;
import io.latentlab.ui.editor.internal.NetworkView;
import io.latentlab.ui.tests.support.Shots;
import io.latentlab.ui.tests.support.WorkspaceFiles;

/**
 * A researcher edits an experiment: a misspelt optimizer becomes a marker on its line with a
 * suggestion, shown in the Problems view, and goes away when the text is corrected.
 */
class ExperimentEditorTest {

    private static final String EXPERIMENT = """
            name: typo
            seed: 1
            dataset:
              id: mnist
            model:
              id: autoencoder
              encoder:
                - dense: {units: 32, activation: relu}
              decoder:
                - dense: {units: 784, activation: sigmoid}
            optimizer:
              id: adma
              learning_rate: 0.001
            training:
              epochs: 1
              batch_size: 64
            """;

    @Test
    void aMisspeltOptimizerIsMarkedOnItsLineAndTheMarkerGoesWhenFixed() throws Exception {
        Display display = Display.getCurrent();
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getShell().setSize(1500, 950);
        IFile file = WorkspaceFiles.experiment("typo.experiment.yaml", EXPERIMENT);

        IWorkbenchPage page = window.getActivePage();
        IEditorPart editor = IDE.openEditor(page, file);
        assertEquals("io.latentlab.ui.editor.experiment", editor.getEditorSite().getId());
        ((ExperimentFormEditor) editor).showSource();
        page.showView(IPageLayout.ID_PROBLEM_VIEW);
        Shots.idle(display); // the editor checks the file as it opens

        IMarker[] markers = file.findMarkers(ExperimentProblems.MARKER, false, IResource.DEPTH_ZERO);
        assertEquals(1, markers.length);
        assertEquals(12, markers[0].getAttribute(IMarker.LINE_NUMBER, -1));
        String message = markers[0].getAttribute(IMarker.MESSAGE, "");
        assertTrue(message.contains("adma") && message.contains("adam"), message);
        Shots.take(display, window.getShell().getBounds(), "editor-marker.png");

        // the user types the fix; the marker goes without saving
        ITextEditor source = editor.getAdapter(ITextEditor.class);
        IDocument document = source.getDocumentProvider().getDocument(editor.getEditorInput());
        int offset = document.get().indexOf("adma");
        document.replace(offset, 4, "adam");
        Shots.until(display, "the marker to go once the typing stops", () -> {
            try {
                return file.findMarkers(ExperimentProblems.MARKER, false, IResource.DEPTH_ZERO).length == 0;
            } catch (CoreException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(editor.isDirty(), "edited, not saved");
        Shots.take(display, window.getShell().getBounds(), "editor-fixed.png");
        editor.doSave(null);
        page.closeEditor(editor, false);
    }

    /** File > New Experiment from Example: the product's examples copied into the workspace open in the editor, valid. */
    @Test
    void anExampleCopiedIntoTheWorkspaceOpensWithoutProblems() throws Exception {
        Path examples = Path.of("").toAbsolutePath();
        while (examples != null && !Files.isRegularFile(examples.resolve("examples/vae.experiment.yaml"))) {
            examples = examples.getParent();
        }
        assertTrue(examples != null, "no examples/ above " + Path.of("").toAbsolutePath());
        System.setProperty(ExampleExperiments.PROPERTY, examples.resolve("examples").toString());
        try {
            Display display = Display.getCurrent();
            IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            List<Path> all = ExampleExperiments.list();
            assertTrue(all.size() >= 10, "examples: " + all);
            Path vae = all.stream().filter(p -> p.getFileName().toString().equals("vae.experiment.yaml")).findFirst()
                    .orElseThrow();
            IFile first = ExampleExperiments.copyIntoWorkspace(vae);
            IFile second = ExampleExperiments.copyIntoWorkspace(vae);
            assertEquals(ExampleExperiments.PROJECT, first.getProject().getName());
            assertTrue(!first.equals(second) && second.getName().startsWith("vae-"), second.getName());
            IEditorPart editor = IDE.openEditor(window.getActivePage(), second);
            assertEquals("io.latentlab.ui.editor.experiment", editor.getEditorSite().getId());
            Shots.idle(display); // the editor checks the file as it opens
            assertEquals(0, second.findMarkers(ExperimentProblems.MARKER, false, IResource.DEPTH_ZERO).length,
                    "the example is valid as shipped");
            assertTrue(!ExampleExperiments.seedEmptyWorkspace(), "a workspace with projects is left alone");
            Shots.take(display, window.getShell().getBounds(), "example-opened.png");

            // the Network view beside it: the VAE's encoder (with its two heads) and decoder, shapes and parameters
            NetworkView network = (NetworkView) window.getActivePage().showView(NetworkView.ID);
            window.getActivePage().activate(editor);
            Shots.until(display, "the network view's rows", () -> !network.rows().isEmpty());
            List<String> rows = network.rows();
            assertTrue(network.status().contains("vae, 2 network(s), 652,824 parameters"), network.status());
            assertTrue(rows.stream().anyMatch(r -> r.contains("z_mean | dense") && r.endsWith("[20] | 8,020")), rows.toString());
            assertTrue(rows.stream().anyMatch(r -> r.endsWith("[784] | 314,384")), rows.toString());
            Shots.take(display, window.getShell().getBounds(), "network.png");

            // the graph: the two heads side by side one row below the hidden layer, arrows labelled with shapes
            List<String> boxes = network.graphBoxes();
            List<String> edges = network.graphEdges();
            assertTrue(boxes.contains("1/3: z_mean (dense) (8,020 parameters) output"), boxes.toString());
            assertTrue(boxes.stream().anyMatch(b -> b.startsWith("1/3: z_log_variance (dense)")), boxes.toString());
            assertTrue(edges.stream().anyMatch(e -> e.endsWith("-> z_mean [400]")), edges.toString());
            assertTrue(boxes.contains("2/2: decoder2 (dense) (314,384 parameters)"), boxes.toString());
            assertTrue(edges.contains("decoder2 -> decoder_reshape [784]"), edges.toString());
            IWorkbenchPage page = window.getActivePage();
            page.setPartState(page.findViewReference(NetworkView.ID), IWorkbenchPage.STATE_MAXIMIZED);
            Shots.idle(display);
            Shots.take(display, window.getShell().getBounds(), "network-graph.png");
            page.setPartState(page.findViewReference(NetworkView.ID), IWorkbenchPage.STATE_RESTORED);

            // a U-Net: its skip connections reach across rows into the concatenations
            Path unet = all.stream().filter(p -> p.getFileName().toString().equals("unet-segmentation.experiment.yaml"))
                    .findFirst().orElseThrow();
            IEditorPart unetEditor = IDE.openEditor(page, ExampleExperiments.copyIntoWorkspace(unet));
            page.activate(unetEditor);
            Shots.until(display, "the U-Net in the network view", () -> network.status().contains("unet"));
            assertTrue(network.status().contains("unet, 1 network(s)"), network.status());
            List<String> unetEdges = network.graphEdges();
            assertTrue(unetEdges.stream().filter(e -> e.contains("concat")).count() >= 4, unetEdges.toString());
            page.setPartState(page.findViewReference(NetworkView.ID), IWorkbenchPage.STATE_MAXIMIZED);
            Shots.idle(display);
            Shots.take(display, window.getShell().getBounds(), "network-unet.png");
            page.setPartState(page.findViewReference(NetworkView.ID), IWorkbenchPage.STATE_RESTORED);
            page.closeEditor(unetEditor, false);
        } finally {
            System.clearProperty(ExampleExperiments.PROPERTY);
        }
    }
}
