package io.latentlab.ui.plugins.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.latentlab.core.ContributionKind;
import io.latentlab.core.RegisteredContribution;
import io.latentlab.plugins.PluginScaffold;
import io.latentlab.ui.editor.internal.ExperimentFormEditor;
import io.latentlab.ui.plugins.internal.PluginsView;
import io.latentlab.ui.plugins.tests.plugin.CubeActivation;
import io.latentlab.ui.tests.support.Controls;
import io.latentlab.ui.tests.support.ModalDialog;
import io.latentlab.ui.tests.support.Shots;
import io.latentlab.ui.tests.support.WorkspaceFiles;

/**
 * The Plugins view lists every installed contribution with its bundle; a plugin bundle installed
 * at run time adds its contributions at once and uninstalling removes them; a broken plugin
 * bundle is refused clearly.
 */
class PluginsWorkbenchTest {

    /** A plugin bundle org.example.cube whose DS component provides the "cube" activation. */
    private static Path cubePlugin(Path folder) throws Exception {
        Path jar = folder.resolve("org.example.cube-1.0.0.jar");
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Bundle-ManifestVersion", "2");
        attributes.putValue("Bundle-SymbolicName", "org.example.cube");
        attributes.putValue("Bundle-Version", "1.0.0");
        attributes.putValue("Import-Package", "io.latentlab.core;version=\"[2.0,3)\",io.latentlab.core.layer;version=\"[1.0,2)\","
                + "io.latentlab.layers.core.activation;version=\"[1.0,2)\",org.nd4j.linalg.api.ndarray");
        attributes.putValue("Service-Component", "OSGI-INF/cube.xml");
        String type = CubeActivation.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(new FileOutputStream(jar.toFile()), manifest);
                InputStream classBytes = CubeActivation.class.getClassLoader().getResourceAsStream(type)) {
            out.putNextEntry(new JarEntry(type));
            classBytes.transferTo(out);
            out.putNextEntry(new JarEntry("OSGI-INF/cube.xml"));
            out.write(("<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"org.example.cube\">"
                    + "<implementation class=\"" + CubeActivation.class.getName() + "\"/>"
                    + "<service><provide interface=\"io.latentlab.core.layer.ActivationFactory\"/></service>"
                    + "</scr:component>").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static Optional<RegisteredContribution<?>> cube(PluginsView view, Display display, boolean wanted) {
        // DS registers (and unregisters) the component asynchronously
        Shots.until(display, "the plugin's activation " + (wanted ? "listed" : "gone"), () -> {
            view.refresh();
            return findCube(view).isPresent() == wanted;
        });
        return findCube(view);
    }

    private static Optional<RegisteredContribution<?>> findCube(PluginsView view) {
        return view.contributions().stream().filter(c -> c.id().equals("cube") && c.bundle().equals("org.example.cube"))
                .findFirst();
    }

    private static ExperimentFormEditor openExperiment(IWorkbenchWindow window) throws Exception {
        String text = """
                name: choosers
                dataset: {id: mnist}
                model:
                  id: autoencoder
                  encoder:
                    - dense: {units: 32, activation: relu}
                  decoder:
                    - dense: {units: 784, activation: sigmoid}
                optimizer: {id: adam}
                training: {epochs: 1}
                """;
        IFile file = WorkspaceFiles.experiment("plugin-choosers.experiment.yaml", text);
        return (ExperimentFormEditor) IDE.openEditor(window.getActivePage(), file);
    }

    /** @return whether the editor's activation chooser lists "cube", once it says what is wanted or after 10 s */
    private static boolean offers(ExperimentFormEditor editor, Display display, boolean wanted) {
        // the registry's event and the form's rebuild come asynchronously
        Shots.until(display, "the activation chooser " + (wanted ? "to offer" : "to drop") + " cube",
                () -> (activations(editor).indexOf("cube") >= 0) == wanted);
        return activations(editor).indexOf("cube") >= 0;
    }

    private static Combo activations(ExperimentFormEditor editor) {
        Control combo = editor.form().control("model.encoder[0].dense.activation");
        assertNotNull(combo, "the form shows the first encoder layer's activation");
        return (Combo) combo;
    }

    @Test
    void aPluginInstalledAtRunTimeAddsItsActivationAndUninstallingRemovesIt(@TempDir Path folder) throws Exception {
        Display display = Display.getCurrent();
        System.setProperty("latentlab.plugins", folder.resolve("plugins").toString());
        try {
            IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            window.getShell().setSize(1500, 950);
            // an experiment open in the editor: its layer's activation chooser lists the installed activations
            ExperimentFormEditor editor = openExperiment(window);
            PluginsView view = (PluginsView) window.getActivePage().showView(PluginsView.ID);
            Shots.idle(display);
            assertTrue(cube(view, display, false).isEmpty());
            assertTrue(activations(editor).indexOf("cube") < 0);

            Bundle bundle = view.install(cubePlugin(folder).toFile());
            assertNotNull(bundle, "the plugin was refused");
            assertEquals(Bundle.ACTIVE, bundle.getState());
            RegisteredContribution<?> cube = cube(view, display, true).orElseThrow(() -> new AssertionError(
                    "the plugin's activation is not listed"));
            assertEquals(ContributionKind.ACTIVATION, cube.kind());
            assertEquals("1.0.0", cube.version());
            assertTrue(Files.exists(folder.resolve("plugins").resolve("org.example.cube-1.0.0.jar")), "not kept for the next start");
            view.show(cube);
            Shots.idle(display);
            assertTrue(offers(editor, display, true), "the editor offers the new activation without restart");
            Shots.take(display, window.getShell().getBounds(), "plugin-installed.png");

            assertTrue(view.uninstall(cube));
            assertTrue(cube(view, display, false).isEmpty(), "the activation is still listed after uninstalling");
            assertEquals(Bundle.UNINSTALLED, bundle.getState());
            assertTrue(Files.notExists(folder.resolve("plugins").resolve("org.example.cube-1.0.0.jar")));
            assertTrue(!offers(editor, display, false), "the editor no longer offers it");
            window.getActivePage().closeEditor(editor, false);
        } finally {
            System.clearProperty("latentlab.plugins");
        }
    }

    @Test
    void listsContributionsAndRefusesABundleThatDoesNotResolve(@TempDir Path folder) throws Exception {
        Display display = Display.getCurrent();
        System.setProperty("latentlab.plugins", folder.resolve("plugins").toString());
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getShell().setSize(1500, 950);
        PluginsView view = (PluginsView) window.getActivePage().showView(PluginsView.ID);
        Shots.idle(display);
        view.refresh();
        assertTrue(view.contributions().size() > 40, "contributions listed: " + view.contributions().size());
        assertTrue(view.contributions().stream().anyMatch(c -> c.kind().equals(ContributionKind.MODEL)
                && c.id().equals("vqvae") && c.bundle().equals("io.latentlab.models.vqvae")));
        assertTrue(view.contributions().stream().anyMatch(c -> c.kind().equals(ContributionKind.OPTIMIZER)
                && c.id().equals("adam")));
        Shots.take(display, window.getShell().getBounds(), "plugins.png");

        Path jar = folder.resolve("broken-plugin.jar");
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Bundle-ManifestVersion", "2");
        attributes.putValue("Bundle-SymbolicName", "org.example.broken");
        attributes.putValue("Bundle-Version", "1.0.0");
        attributes.putValue("Import-Package", "org.example.does.not.exist");
        try (JarOutputStream out = new JarOutputStream(new FileOutputStream(jar.toFile()), manifest)) {
            out.flush();
        }
        AtomicReference<Bundle> installed = new AtomicReference<>();
        String message = ModalDialog.inspect(display, () -> installed.set(view.install(jar.toFile())), dialog -> {
            Shots.take(display, dialog.getBounds(), "plugin-install-error.png");
            return dialog.getText() + ": " + Controls.all(dialog, Label.class).stream().map(Label::getText).toList();
        });
        assertNull(installed.get());
        assertTrue(message.startsWith("Install Plugin Bundle") && message.contains("broken-plugin.jar"), "the error names the jar: " + message);
        assertTrue(Arrays.stream(FrameworkUtil.getBundle(PluginsView.class).getBundleContext().getBundles())
                .noneMatch(b -> "org.example.broken".equals(b.getSymbolicName())), "the broken bundle was not removed");
        assertTrue(!window.getShell().isDisposed() && window.getShell().isVisible(), "the workbench is still there");
        view.refresh();
        assertTrue(view.contributions().size() > 40, "the contributions are still listed");
        System.clearProperty("latentlab.plugins");
    }

    /** The dialog's field named {@code name} (its data under "latentlab.field"). */
    private static <T extends Control> T field(Shell dialog, Class<T> type, String name) {
        return Controls.all(dialog, type).stream().filter(c -> name.equals(c.getData("latentlab.field"))).findFirst()
                .orElseThrow(() -> new AssertionError("the dialog has no field " + name));
    }

    /**
     * New Plugin Project...: the dialog refuses a bad bundle name as it is typed, then writes the
     * project into the folder chosen and opens its README in the editor area.
     */
    @Test
    void newPluginProjectWritesAProjectAndOpensItsReadme(@TempDir Path folder) throws Exception {
        Display display = Display.getCurrent();
        Path home = folder.resolve("latentlab"); // an installation, as far as a project uses it
        Files.createDirectories(home.resolve("plugins"));
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/find-java.sh"), "latentlab_find_java() { :; }\n");
        System.setProperty(PluginScaffold.HOME_PROPERTY, home.toString());
        try {
            IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            window.getShell().setSize(1500, 950);
            PluginsView view = (PluginsView) window.getActivePage().showView(PluginsView.ID);
            Shots.idle(display);
            Path project = folder.resolve("projects").resolve("org.example.gelu");
            AtomicReference<Optional<Path>> written = new AtomicReference<>(Optional.empty());
            String refusal = ModalDialog.inspect(display, () -> written.set(view.newPluginProject()), dialog -> {
                TitleAreaDialog shown = (TitleAreaDialog) dialog.getData();
                Button create = Controls.all(dialog, Button.class).stream().filter(b -> "&Create".equals(b.getText()))
                        .findFirst().orElseThrow();
                assertTrue(create.isEnabled(), "the suggested names are valid: " + shown.getErrorMessage());
                Text bundle = field(dialog, Text.class, "bundle");
                bundle.setText("Org.Example");
                String error = shown.getErrorMessage();
                assertTrue(!create.isEnabled(), "Create is enabled for a bad name");
                Shots.dispatch(display); // the typed name and the error painted
                Shots.take(display, dialog.getBounds(), "new-plugin-project-refused.png");
                Combo kind = field(dialog, Combo.class, "kind");
                kind.select(kind.indexOf("activation"));
                kind.notifyListeners(SWT.Selection, new Event());
                bundle.setText("org.example.gelu");
                assertEquals("gelu", field(dialog, Text.class, "id").getText(), "the id follows the bundle name");
                field(dialog, Text.class, "directory").setText(project.toString());
                assertTrue(create.isEnabled(), String.valueOf(shown.getErrorMessage()));
                Shots.dispatch(display);
                Shots.take(display, dialog.getBounds(), "new-plugin-project.png");
                create.notifyListeners(SWT.Selection, new Event());
                return error;
            });
            assertTrue(refusal.contains("'Org' in 'Org.Example' is not a lower-case Java identifier"), refusal);
            assertEquals(Optional.of(project), written.get());
            assertTrue(Files.isRegularFile(project.resolve("src/main/java/org/example/gelu/Gelu.java")));
            assertTrue(Files.isExecutable(project.resolve("mvnw")));
            assertEquals("-Dlatentlab.home=" + home + "\n", Files.readString(project.resolve(".mvn/maven.config")),
                    "it builds against this installation");
            Shots.until(display, "the project's README open in the editor area", () -> {
                var editor = window.getActivePage().getActiveEditor();
                return editor != null && "README.md".equals(editor.getTitle());
            });
            Shots.idle(display);
            Shots.take(display, window.getShell().getBounds(), "new-plugin-project-readme.png");
            window.getActivePage().closeAllEditors(false);
        } finally {
            System.clearProperty(PluginScaffold.HOME_PROPERTY);
        }
    }
}
