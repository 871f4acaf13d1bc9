package io.latentlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

import io.latentlab.core.ContributionKind;
import io.latentlab.ui.plugins.internal.PluginsView;

/** The Plugins view lists every installed contribution with its bundle; a broken plugin bundle is refused clearly. */
class PluginsWorkbenchTest {

    @Test
    void listsContributionsAndRefusesABundleThatDoesNotResolve(@TempDir Path folder) throws Exception {
        Display display = Display.getCurrent();
        System.setProperty("latentlab.plugins", folder.resolve("plugins").toString());
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getShell().setSize(1500, 950);
        PluginsView view = (PluginsView) window.getActivePage().showView("io.latentlab.ui.plugins.view");
        Shots.settle(display, 1000);
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
        AtomicReference<String> message = new AtomicReference<>();
        display.timerExec(1500, () -> {
            Shell dialog = display.getActiveShell();
            if (dialog != null && dialog != window.getShell()) {
                Shots.settle(display, 300);
                message.set(dialog.getText() + ": " + Arrays.stream(dialog.getChildren()).map(Object::toString).toList());
                Shots.take(display, dialog.getBounds(), "plugin-install-error.png");
                dialog.close();
            }
        });
        assertNull(view.install(jar.toFile()));
        assertTrue(message.get() != null && message.get().startsWith("Install Plugin Bundle"), "no error dialog: " + message);
        assertTrue(Arrays.stream(FrameworkUtil.getBundle(PluginsView.class).getBundleContext().getBundles())
                .noneMatch(b -> "org.example.broken".equals(b.getSymbolicName())), "the broken bundle was not removed");
        assertTrue(!window.getShell().isDisposed() && window.getShell().isVisible(), "the workbench is still there");
        view.refresh();
        assertTrue(view.contributions().size() > 40, "the contributions are still listed");
        System.clearProperty("latentlab.plugins");
    }
}
