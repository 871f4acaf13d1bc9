package io.latentlab.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The plugin folder ({@code -Dlatentlab.plugins=DIR}, else {@code ~/.latentlab/plugins}): every
 * bundle jar in it is installed and started when Latentlab starts, headless or not, so an
 * installed plugin survives restarts. A plugin that fails to start is reported and skipped;
 * nothing else is affected, and {@code latentlab plugins uninstall} removes it.
 */
@Component(service = PluginFolder.class, immediate = true)
public final class PluginFolder {

    /** System property naming the folder. */
    public static final String PROPERTY = "latentlab.plugins";

    /**
     * A plugin jar and how it fared.
     *
     * @param jar the file
     * @param symbolicName its Bundle-SymbolicName
     * @param version its Bundle-Version
     * @param state active, or why not
     */
    public record Plugin(Path jar, String symbolicName, String version, String state) {
    }

    private BundleContext context;
    private final Map<Path, String> problems = new ConcurrentHashMap<>();

    /** @return the plugin folder */
    public static Path folder() {
        String given = System.getProperty(PROPERTY);
        return given != null && !given.isBlank() ? Path.of(given)
                : Path.of(System.getProperty("user.home"), ".latentlab", "plugins");
    }

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        for (Plugin plugin : plugins()) {
            try {
                start(plugin.jar());
            } catch (BundleException | RuntimeException e) {
                problems.put(plugin.jar(), explain(plugin.jar(), e));
                System.err.println("latentlab: plugin " + plugin.jar().getFileName() + " (" + plugin.symbolicName()
                        + ") did not start: " + problems.get(plugin.jar()) + "; remove it with: latentlab plugins uninstall "
                        + plugin.symbolicName());
            }
        }
    }

    private Bundle start(Path jar) throws BundleException {
        Bundle bundle = context.installBundle(jar.toUri().toString());
        if (bundle.getHeaders().get("Fragment-Host") == null) {
            bundle.start();
        }
        return bundle;
    }

    /**
     * Copies a plugin jar into the folder and starts it now; a jar that is not a bundle, or does
     * not resolve or start, is refused and not kept. A new version of an installed plugin
     * replaces it only once it has started: if it is refused, the installed version is put back
     * and keeps working.
     *
     * @param jar the bundle jar
     * @return the plugin
     * @throws IOException if the jar cannot be read or copied
     * @throws BundleException naming what is wrong (missing dependency, activator failure)
     */
    public Plugin install(Path jar) throws IOException, BundleException {
        Manifest manifest = manifest(jar);
        String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (name == null) {
            throw new BundleException(jar.getFileName() + " is not an OSGi bundle: its manifest has no Bundle-SymbolicName");
        }
        String symbolicName = name.split(";")[0].strip();
        Files.createDirectories(folder());
        // the installed version steps aside (kept, not running) until the new one has started
        List<Path> previous = new ArrayList<>();
        Path aside = Files.createDirectories(folder().resolve(".previous"));
        for (Plugin existing : plugins()) {
            if (existing.symbolicName().equals(symbolicName)) {
                stop(existing.jar());
                previous.add(Files.move(existing.jar(), aside.resolve(existing.jar().getFileName()),
                        StandardCopyOption.REPLACE_EXISTING));
                problems.remove(existing.jar());
            }
        }
        Path target = folder().resolve(jar.getFileName());
        Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
        try {
            Bundle bundle = start(target);
            for (Path old : previous) {
                Files.deleteIfExists(old);
            }
            return new Plugin(target, symbolicName, bundle.getVersion().toString(), "active");
        } catch (BundleException | RuntimeException e) {
            stop(target);
            Files.deleteIfExists(target);
            List<String> kept = new ArrayList<>();
            for (Path old : previous) {
                Path back = Files.move(old, folder().resolve(old.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                try {
                    start(back);
                    kept.add(back.getFileName().toString());
                } catch (BundleException | RuntimeException again) {
                    problems.put(back, again.getMessage());
                }
            }
            String message = explain(manifest, symbolicName, e)
                    + (kept.isEmpty() ? "" : "; the installed " + String.join(", ", kept) + " was kept and is running");
            throw new BundleException(message, e);
        }
    }

    /**
     * Why a bundle did not start: for a resolution failure, each package it imports that no
     * installed bundle provides in the range it asks, with the versions that are installed;
     * otherwise the framework's message.
     */
    private String explain(Manifest manifest, String symbolicName, Exception e) {
        List<String> unsatisfied = new InstalledPackages(context).unsatisfied(
                manifest.getMainAttributes().getValue("Import-Package"));
        return unsatisfied.isEmpty() ? e.getMessage() : symbolicName + " needs packages that no installed bundle"
                + " provides in the versions it imports: " + String.join("; ", unsatisfied);
    }

    private String explain(Path jar, Exception e) {
        try {
            Manifest manifest = manifest(jar);
            return manifest == null ? e.getMessage() : explain(manifest, jar.getFileName().toString(), e);
        } catch (IOException unreadable) {
            return e.getMessage();
        }
    }

    /** Uninstalls the bundle installed from a jar of the folder, if any. */
    private void stop(Path jar) {
        for (Bundle bundle : context.getBundles()) {
            if (jar.toUri().toString().equals(bundle.getLocation())) {
                try {
                    bundle.uninstall();
                } catch (BundleException e) {
                    // its jar goes anyway: it is not installed at the next start
                }
            }
        }
    }

    /**
     * Stops, uninstalls and deletes a plugin.
     *
     * @param symbolicName the plugin's Bundle-SymbolicName
     * @return whether one was found
     * @throws IOException if its jar cannot be deleted
     */
    public boolean uninstall(String symbolicName) throws IOException {
        boolean found = false;
        for (Plugin plugin : plugins()) {
            if (plugin.symbolicName().equals(symbolicName)) {
                stop(plugin.jar());
                Files.deleteIfExists(plugin.jar());
                problems.remove(plugin.jar());
                found = true;
            }
        }
        return found;
    }

    /** @return the plugins in the folder, by file name */
    public List<Plugin> plugins() {
        List<Plugin> plugins = new ArrayList<>();
        if (!Files.isDirectory(folder())) {
            return plugins;
        }
        try (Stream<Path> files = Files.list(folder())) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                Manifest manifest = manifest(jar);
                String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
                String version = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-Version");
                plugins.add(new Plugin(jar, name == null ? "?" : name.split(";")[0].strip(), version == null ? "0.0.0"
                        : version, state(jar)));
            }
        } catch (IOException e) {
            System.err.println("latentlab: cannot list the plugin folder " + folder() + ": " + e.getMessage());
        }
        return plugins;
    }

    private String state(Path jar) {
        if (problems.containsKey(jar)) {
            return "failed: " + problems.get(jar);
        }
        if (context != null) {
            for (Bundle bundle : context.getBundles()) {
                if (jar.toUri().toString().equals(bundle.getLocation())) {
                    return bundle.getState() == Bundle.ACTIVE ? "active" : "installed, state " + bundle.getState();
                }
            }
        }
        return "not installed";
    }

    private static Manifest manifest(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar); JarInputStream stream = new JarInputStream(in)) {
            return stream.getManifest();
        }
    }
}
