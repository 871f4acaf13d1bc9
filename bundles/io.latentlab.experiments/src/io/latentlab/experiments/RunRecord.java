package io.latentlab.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
     * Compares the bundles a run used with those installed now.
     *
     * @param run a run directory
     * @param registry the installed contributions
     * @return one line per contribution whose bundle is missing or of another version; empty when all match
     */
    public static List<String> bundleDifferences(Path run, ContributionRegistry registry) {
        List<String> differences = new ArrayList<>();
        Object used;
        try {
            used = new Yaml().load(Files.readString(run.resolve(RunDirectory.BUNDLES)));
        } catch (IOException | RuntimeException e) {
            return differences;
        }
        if (!(used instanceof List<?> entries)) {
            return differences;
        }
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> map)) {
                continue;
            }
            String kind = String.valueOf(map.get("kind"));
            String id = String.valueOf(map.get("id"));
            String bundle = String.valueOf(map.get("bundle"));
            String version = String.valueOf(map.get("version"));
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
