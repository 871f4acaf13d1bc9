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
                problems.put(plugin.jar(), e.getMessage());
                System.err.println("latentlab: plugin " + plugin.jar().getFileName() + " (" + plugin.symbolicName()
                        + ") did not start: " + e.getMessage() + "; remove it with: latentlab plugins uninstall "
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
     * not resolve or start, is refused and not kept.
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
        for (Plugin existing : plugins()) {
            if (existing.symbolicName().equals(symbolicName)) {
                uninstall(symbolicName); // a new version replaces the old
            }
        }
        Files.createDirectories(folder());
        Path target = folder().resolve(jar.getFileName());
        Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
        try {
            Bundle bundle = start(target);
            return new Plugin(target, symbolicName, bundle.getVersion().toString(), "active");
        } catch (BundleException | RuntimeException e) {
            for (Bundle bundle : context.getBundles()) {
                if (target.toUri().toString().equals(bundle.getLocation())) {
                    bundle.uninstall();
                }
            }
            Files.deleteIfExists(target);
            throw e instanceof BundleException b ? b : new BundleException(e.getMessage(), e);
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
                for (Bundle bundle : context.getBundles()) {
                    if (plugin.jar().toUri().toString().equals(bundle.getLocation())) {
                        try {
                            bundle.uninstall();
                        } catch (BundleException e) {
                            // deleting the jar still removes it for the next start
                        }
                    }
                }
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
