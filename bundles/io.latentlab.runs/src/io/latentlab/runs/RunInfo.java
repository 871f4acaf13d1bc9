package io.latentlab.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * What a run directory says about itself, for run lists (the {@code list} command, the Runs
 * view): read from its status, snapshot and summary files, never failing on a half-written run.
 *
 * @param directory the run directory
 * @param name the folder name
 * @param status completed, stopped, failed, running, crashed (its status said running but no process
 *        holds it: killed, crashed, power lost; resume continues it), or unknown
 * @param model the model id, or empty
 * @param dataset the dataset name, or empty
 * @param headlineMetric the headline metric's name, or empty
 * @param headlineValue its value, or NaN
 * @param seconds training time, or NaN while running
 * @param description the experiment's {@code description} (a note for run lists), or empty
 */
public record RunInfo(Path directory, String name, String status, String model, String dataset, String headlineMetric,
        double headlineValue, double seconds, String description) {

    /** Run folders moved here are archived: kept on disk, no longer listed. */
    public static final String ARCHIVE = "archive";

    /** The summary's field that says whether the run's model encodes examples into codes. */
    public static final String LATENT_CODES = "latent_codes";

    /**
     * @param directory a run directory
     * @return whether its summary says its model encodes examples into codes (a trained run's
     *         latent space can be shown); false while it trains
     */
    public static boolean hasLatentCodes(Path directory) {
        return Boolean.TRUE.equals(summary(directory).get(LATENT_CODES));
    }

    /**
     * @param runs a folder of runs
     * @return the runs in it (folders with an experiment snapshot), and those one level down in
     *         folders of runs such as a sweep's (not in {@value #ARCHIVE}), by path
     * @throws IOException if the folder cannot be listed
     */
    public static List<RunInfo> list(Path runs) throws IOException {
        return directories(runs).stream().map(RunInfo::of).toList();
    }

    private static List<Path> directories(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> children = Files.list(runs)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                if (Files.isRegularFile(child.resolve(RunDirectory.SNAPSHOT))) {
                    found.add(child);
                } else if (!child.getFileName().toString().equals(ARCHIVE)) {
                    try (Stream<Path> grandchildren = Files.list(child)) {
                        grandchildren.filter(p -> Files.isRegularFile(p.resolve(RunDirectory.SNAPSHOT))).forEach(found::add);
                    }
                }
            }
        }
        return found.stream().sorted().toList();
    }

    /**
     * Remembers what run directories said and reads one again only when its status or summary
     * file changed: views that poll every second then parse nothing while runs stand still.
     */
    public static final class Cache {

        private record Entry(long stamp, RunInfo info) {
        }

        private final Map<Path, Entry> entries = new HashMap<>();

        /**
         * @param directory a run directory
         * @return what it says now
         */
        public RunInfo of(Path directory) {
            long stamp = modified(directory.resolve(RunDirectory.STATUS)) * 31 + modified(directory.resolve(RunDirectory.SUMMARY));
            Entry entry = entries.get(directory);
            // a running run is rechecked every time: its process may be gone without a word
            if (entry == null || entry.stamp() != stamp || "running".equals(entry.info().status())) {
                entry = new Entry(stamp, RunInfo.of(directory));
                entries.put(directory, entry);
            }
            return entry.info();
        }

        /**
         * @param runs a folder of runs
         * @return the runs in it, by name, as {@link RunInfo#list}
         * @throws IOException if the folder cannot be listed
         */
        public List<RunInfo> list(Path runs) throws IOException {
            return directories(runs).stream().map(this::of).toList();
        }

        private static long modified(Path file) {
            try {
                return Files.isRegularFile(file) ? Files.getLastModifiedTime(file).toMillis() : 0;
            } catch (IOException e) {
                return -1;
            }
        }
    }

    /**
     * @param directory a run directory
     * @return what its files say
     */
    public static RunInfo of(Path directory) {
        String status = "unknown";
        try {
            Path file = directory.resolve(RunDirectory.STATUS);
            if (Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file);
                status = lines.isEmpty() ? status : lines.get(0).split("\\s")[0];
            }
        } catch (IOException e) {
            status = "unreadable";
        }
        if ("running".equals(status) && !RunLock.isHeld(directory)) {
            status = "crashed";
        }
        Map<?, ?> summary = summary(directory);
        Map<?, ?> metrics = summary.get("metrics") instanceof Map<?, ?> map ? map : Map.of();
        String headline = text(summary, "headline_metric");
        double value = metrics.get(headline) instanceof Number number ? number.doubleValue() : Double.NaN;
        double seconds = summary.get("seconds") instanceof Number number ? number.doubleValue() : Double.NaN;
        Map<?, ?> experiment = read(directory.resolve(RunDirectory.SNAPSHOT));
        String model = text(summary, "model");
        if (model.isEmpty()) {
            model = experiment.get("model") instanceof Map<?, ?> m ? String.valueOf(m.get("id")) : "";
        }
        return new RunInfo(directory, directory.getFileName().toString(), status, model,
                text(summary, "dataset"), headline, value, seconds, text(experiment, "description").strip());
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : String.valueOf(value);
    }

    /**
     * @param directory a run directory
     * @return its {@code summary.json} as read (status, metrics, headline metric, processes...);
     *         empty while the run trains, or when the file cannot be read
     */
    public static Map<?, ?> summary(Path directory) {
        return read(directory.resolve(RunDirectory.SUMMARY));
    }

    private static Map<?, ?> read(Path file) {
        try {
            if (Files.isRegularFile(file) && new Yaml().load(Files.readString(file)) instanceof Map<?, ?> map) {
                return map;
            }
        } catch (IOException | RuntimeException e) {
            // a half-written or hand-edited file: the run is listed with what is known
        }
        return Map.of();
    }
}
