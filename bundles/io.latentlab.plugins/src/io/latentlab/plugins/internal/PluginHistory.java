package io.latentlab.plugins.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.latentlab.core.ContributionHistory;
import io.latentlab.core.ContributionKind;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.RegisteredContribution;
import io.latentlab.plugins.PluginFolder;

/**
 * Remembers which plugin of the plugin folder provided which contribution id, in
 * {@code <plugin folder>/.contributions.tsv}, so that after the plugin is uninstalled (or when it
 * fails to start) an experiment naming the id is told that its plugin is missing, instead of
 * only "did you mean" a similar built-in id.
 */
@Component(service = ContributionHistory.class, immediate = true)
public final class PluginHistory implements ContributionHistory {

    /** The file in the plugin folder. */
    static final String FILE = ".contributions.tsv";

    /**
     * One remembered contribution.
     *
     * @param id its id
     * @param kind its kind's label
     * @param bundle the plugin's symbolic name
     * @param version the plugin's version
     * @param jar the plugin jar's file name
     */
    record Entry(String id, String kind, String bundle, String version, String jar) {

        String line() {
            return String.join("\t", id, kind, bundle, version, jar);
        }
    }

    @Reference
    private ContributionRegistry registry;

    @Reference
    private PluginFolder folder;

    private AutoCloseable subscription;

    @Activate
    void activate() {
        for (ContributionKind kind : ContributionKind.all()) {
            registry.list(kind.serviceType()).forEach(this::remember);
        }
        subscription = registry.subscribe(event -> {
            if (event.added()) {
                remember(event.contribution());
            }
        });
    }

    @Deactivate
    void deactivate() throws Exception {
        subscription.close();
    }

    /** Records a contribution of a plugin-folder bundle (Latentlab's own are always there). */
    private synchronized void remember(RegisteredContribution<?> registered) {
        if (registered.bundle().startsWith("io.latentlab.") || "static".equals(registered.bundle())) {
            return;
        }
        Optional<PluginFolder.Plugin> plugin = folder.plugins().stream()
                .filter(p -> p.symbolicName().equals(registered.bundle())).findFirst();
        if (plugin.isEmpty()) {
            return; // a bundle of the product or of a test runtime, not a plugin
        }
        Entry entry = new Entry(registered.id(), registered.kind().label(), registered.bundle(), registered.version(),
                plugin.get().jar().getFileName().toString());
        Set<Entry> entries = new LinkedHashSet<>(read());
        // the newest fact about an id wins: drop what other bundles or versions said of it
        if (entries.removeIf(e -> e.id().equals(entry.id()) && e.kind().equals(entry.kind()) && !e.equals(entry))
                | entries.add(entry)) {
            write(entries);
        }
    }

    @Override
    public synchronized Optional<String> whyMissing(String id) {
        for (Entry entry : read()) {
            if (!entry.id().equals(id)) {
                continue;
            }
            Optional<PluginFolder.Plugin> installed = folder.plugins().stream()
                    .filter(p -> p.symbolicName().equals(entry.bundle())).findFirst();
            if (installed.isEmpty()) {
                return Optional.of("it came from plugin " + entry.bundle() + " "
                        + entry.version() + ", which is not installed now (install its jar, " + entry.jar()
                        + ", with: latentlab plugins install JAR)");
            }
            if (!"active".equals(installed.get().state())) {
                return Optional.of("it comes from plugin " + entry.bundle()
                        + ", which is in " + PluginFolder.folder() + " but did not start: " + installed.get().state());
            }
        }
        return Optional.empty();
    }

    private List<Entry> read() {
        Path file = PluginFolder.folder().resolve(FILE);
        List<Entry> entries = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t");
                if (fields.length == 5) {
                    entries.add(new Entry(fields[0], fields[1], fields[2], fields[3], fields[4]));
                }
            }
        } catch (IOException e) {
            // only a hint for messages: without it, unknown ids are reported as before
        }
        return entries;
    }

    private void write(Set<Entry> entries) {
        Path file = PluginFolder.folder().resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE + ".tmp");
            Files.write(temporary, entries.stream().map(Entry::line).toList(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("latentlab: cannot update " + file + ": " + e.getMessage());
        }
    }
}
