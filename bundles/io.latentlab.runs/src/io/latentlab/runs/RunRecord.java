package io.latentlab.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.yaml.snakeyaml.Yaml;

import io.latentlab.core.Contribution;
import io.latentlab.core.ContributionKind;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.RegisteredContribution;

/** What a run recorded about how it was made: its resolved configuration and the bundles it used. */
public final class RunRecord {

    private RunRecord() {
    }

    /**
     * The run's resolved parameters as flat field paths ({@code optimizers.default.learning_rate}),
     * for comparing runs side by side.
     *
     * @param run a run directory
     * @return path to value, sorted; empty if the run has no resolved.json
     */
    public static Map<String, String> configuration(Path run) {
        Map<String, String> flat = new TreeMap<>();
        try {
            Object resolved = new Yaml().load(Files.readString(run.resolve(RunDirectory.RESOLVED)));
            flatten("", resolved, flat);
        } catch (IOException | RuntimeException e) {
            // an old or damaged run: nothing to compare
        }
        return flat;
    }

    /**
     * The run's summary as flat field paths ({@code examples_per_second}, {@code metrics.test_bce}),
     * for the run editor's overview.
     *
     * @param run a run directory
     * @return path to value, sorted; empty while the run has no summary.json
     */
    public static Map<String, String> summary(Path run) {
        Map<String, String> flat = new TreeMap<>();
        try {
            flatten("", new Yaml().load(Files.readString(run.resolve(RunDirectory.SUMMARY))), flat);
        } catch (IOException | RuntimeException e) {
            // still training, or a damaged file: the overview shows what is known
        }
        return flat;
    }

    private static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child, into));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
        } else {
            into.put(prefix, String.valueOf(value));
        }
    }

    /**
     * @param run a run directory
     * @return the contributions it used: kind, id, bundle and version each; empty for an old or damaged run
     */
    public static List<Map<String, String>> bundles(Path run) {
        List<Map<String, String>> bundles = new ArrayList<>();
        try {
            if (new Yaml().load(Files.readString(run.resolve(RunDirectory.BUNDLES))) instanceof List<?> entries) {
                for (Object entry : entries) {
                    if (entry instanceof Map<?, ?> map) {
                        Map<String, String> row = new LinkedHashMap<>();
                        for (String key : List.of("kind", "id", "bundle", "version")) {
                            row.put(key, String.valueOf(map.get(key)));
                        }
                        bundles.add(row);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // an old or damaged run: no record
        }
        return bundles;
    }

    /**
     * Compares the bundles a run used with those installed now.
     *
     * @param run a run directory
     * @param registry the installed contributions
     * @return one line per contribution whose bundle is missing or of another version; empty when all match
     */
    public static List<String> bundleDifferences(Path run, ContributionRegistry registry) {
        List<String> differences = new ArrayList<>();
        for (Map<String, String> entry : bundles(run)) {
            String kind = entry.get("kind");
            String id = entry.get("id");
            String bundle = entry.get("bundle");
            String version = entry.get("version");
            String installed = null;
            for (ContributionKind candidate : ContributionKind.all()) {
                if (candidate.label().equals(kind)) {
                    for (RegisteredContribution<? extends Contribution> registered : registry.list(candidate.serviceType())) {
                        if (registered.id().equals(id) && registered.bundle().equals(bundle)) {
                            installed = registered.version();
                        }
                    }
                }
            }
            if (installed == null) {
                differences.add(kind + " '" + id + "' from " + bundle + " " + version + " is not installed");
            } else if (!installed.equals(version)) {
                differences.add(kind + " '" + id + "': the run used " + bundle + " " + version + ", installed is " + installed);
            }
        }
        return differences;
    }
}
