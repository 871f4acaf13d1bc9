package io.latentlab.plugins.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.UnknownContributionException;
import io.latentlab.core.layer.ActivationFactory;
import io.latentlab.core.layer.Layer;
import io.latentlab.plugins.PluginFolder;

/** The plugin folder in a running framework: install starts a plugin and keeps it; a broken one is refused, not kept. */
class PluginFolderTest {

    private static Path bundleJar(Path folder, String name, String imports) throws Exception {
        return bundleJar(folder, name, "1.2.3", imports);
    }

    private static Path bundleJar(Path folder, String name, String version, String imports) throws Exception {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Bundle-ManifestVersion", "2");
        attributes.putValue("Bundle-SymbolicName", name);
        attributes.putValue("Bundle-Version", version);
        if (imports != null) {
            attributes.putValue("Import-Package", imports);
        }
        Path jar = Files.createDirectories(folder.resolve("built-" + version)).resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(new FileOutputStream(jar.toFile()), manifest)) {
            out.flush();
        }
        return jar;
    }

    @Test
    void installListUninstallAndRefuseABrokenPlugin(@TempDir Path folder) throws Exception {
        System.setProperty(PluginFolder.PROPERTY, folder.resolve("plugins").toString());
        BundleContext context = FrameworkUtil.getBundle(PluginFolderTest.class).getBundleContext();
        ServiceTracker<PluginFolder, PluginFolder> tracker = new ServiceTracker<>(context, PluginFolder.class, null);
        tracker.open();
        try {
            PluginFolder plugins = tracker.waitForService(10_000);
            assertNotNull(plugins, "the plugin folder service is not running");

            PluginFolder.Plugin hello = plugins.install(bundleJar(folder, "org.example.hello", null));
            assertEquals("active", hello.state());
            assertTrue(Files.isRegularFile(folder.resolve("plugins/org.example.hello.jar")), "kept for the next start");
            assertEquals("org.example.hello", plugins.plugins().get(0).symbolicName());
            assertEquals("active", plugins.plugins().get(0).state());
            assertTrue(Arrays.stream(context.getBundles()).anyMatch(b -> "org.example.hello".equals(b.getSymbolicName())
                    && b.getState() == Bundle.ACTIVE));

            BundleException e = assertThrows(BundleException.class,
                    () -> plugins.install(bundleJar(folder, "org.example.broken", "org.example.missing")));
            assertTrue(e.getMessage().contains("org.example.missing"), e.getMessage());
            assertFalse(Files.exists(folder.resolve("plugins/org.example.broken.jar")), "a broken plugin is not kept");
            assertTrue(Arrays.stream(context.getBundles()).noneMatch(b -> "org.example.broken".equals(b.getSymbolicName())));

            assertTrue(plugins.uninstall("org.example.hello"));
            assertFalse(plugins.uninstall("org.example.hello"));
            assertEquals(0, plugins.plugins().size());
            assertTrue(Arrays.stream(context.getBundles()).noneMatch(b -> "org.example.hello".equals(b.getSymbolicName())));
        } finally {
            tracker.close();
            System.clearProperty(PluginFolder.PROPERTY);
        }
    }

    /** A new version that does not resolve is refused, and the working one stays installed and running. */
    @Test
    void aBrokenNewVersionLeavesTheWorkingOneInstalled(@TempDir Path folder) throws Exception {
        System.setProperty(PluginFolder.PROPERTY, folder.resolve("plugins").toString());
        BundleContext context = FrameworkUtil.getBundle(PluginFolderTest.class).getBundleContext();
        ServiceTracker<PluginFolder, PluginFolder> tracker = new ServiceTracker<>(context, PluginFolder.class, null);
        tracker.open();
        try {
            PluginFolder plugins = tracker.waitForService(10_000);
            plugins.install(bundleJar(folder, "org.example.kept", "1.0.0", null));
            BundleException e = assertThrows(BundleException.class,
                    () -> plugins.install(bundleJar(folder, "org.example.kept", "2.0.0", "org.example.missing")));
            assertTrue(e.getMessage().contains("org.example.missing") && e.getMessage().contains("the installed"
                    + " org.example.kept.jar was kept and is running"), e.getMessage());
            assertEquals(1, plugins.plugins().size());
            assertEquals("1.0.0", plugins.plugins().get(0).version());
            assertEquals("active", plugins.plugins().get(0).state());
            assertTrue(Arrays.stream(context.getBundles()).anyMatch(b -> "org.example.kept".equals(b.getSymbolicName())
                    && b.getVersion().toString().equals("1.0.0") && b.getState() == Bundle.ACTIVE));
            // a new version that works replaces it
            plugins.install(bundleJar(folder, "org.example.kept", "2.0.0", null));
            assertEquals("2.0.0", plugins.plugins().get(0).version());
            assertEquals(1, plugins.plugins().size());
            assertTrue(plugins.uninstall("org.example.kept"));
        } finally {
            tracker.close();
            System.clearProperty(PluginFolder.PROPERTY);
        }
    }

    /** An activation a plugin registers (through the plugin's own bundle context, as its DS component would). */
    private static final class HistoryActivation extends AbstractContribution implements ActivationFactory {

        HistoryActivation() {
            super("history_act", "History", "an activation of a plugin that goes away", ParameterSchema.EMPTY);
        }

        @Override
        public Layer create(Parameters parameters) {
            throw new UnsupportedOperationException("never built");
        }
    }

    /**
     * Once its plugin is uninstalled, an id the plugin provided is answered with the missing
     * plugin, its version and jar, remembered in the plugin folder.
     */
    @Test
    void anUninstalledPluginsIdIsReportedAsMissing(@TempDir Path folder) throws Exception {
        System.setProperty(PluginFolder.PROPERTY, folder.resolve("plugins").toString());
        BundleContext context = FrameworkUtil.getBundle(PluginFolderTest.class).getBundleContext();
        ServiceTracker<PluginFolder, PluginFolder> tracker = new ServiceTracker<>(context, PluginFolder.class, null);
        ServiceTracker<ContributionRegistry, ContributionRegistry> registries = new ServiceTracker<>(context,
                ContributionRegistry.class, null);
        tracker.open();
        registries.open();
        try {
            PluginFolder plugins = tracker.waitForService(10_000);
            ContributionRegistry registry = registries.waitForService(10_000);
            plugins.install(bundleJar(folder, "org.example.history", "io.latentlab.core,io.latentlab.core.layer"));
            Bundle plugin = Arrays.stream(context.getBundles()).filter(b -> "org.example.history".equals(b.getSymbolicName()))
                    .findFirst().orElseThrow();
            plugin.getBundleContext().registerService(ActivationFactory.class, new HistoryActivation(), null);
            assertTrue(registry.find(ActivationFactory.class, "history_act").isPresent());
            assertTrue(Files.readString(folder.resolve("plugins/.contributions.tsv"))
                    .contains("history_act\tactivation\torg.example.history\t1.2.3\torg.example.history.jar"));

            assertTrue(plugins.uninstall("org.example.history"));
            assertTrue(registry.find(ActivationFactory.class, "history_act").isEmpty(), "gone with its bundle");
            UnknownContributionException e = assertThrows(UnknownContributionException.class,
                    () -> registry.get(ActivationFactory.class, "history_act"));
            assertTrue(e.getMessage().startsWith("unknown activation 'history_act': it came from plugin org.example.history"
                    + " 1.2.3, which is not installed now (install its jar, org.example.history.jar, with: latentlab"
                    + " plugins install JAR)"), e.getMessage());
        } finally {
            registries.close();
            tracker.close();
            System.clearProperty(PluginFolder.PROPERTY);
        }
    }
}
