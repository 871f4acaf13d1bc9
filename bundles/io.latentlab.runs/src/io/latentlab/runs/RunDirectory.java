package io.latentlab.runs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentProblem;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.experiments.InvalidExperimentException;

/**
 * One run's folder, {@code runs/<timestamp>-<name>/}: the experiment snapshot, resolved
 * parameters, bundles used, {@code metrics.csv} (appended and flushed as values come),
 * checkpoints, sample grids, {@code summary.json}, {@code status} and {@code run.log}. Files
 * other than the append-only logs are written to a temporary file and renamed, so a killed
 * process never leaves one half-written.
 */
public final class RunDirectory implements AutoCloseable {

    /** The experiment as it was when the run started. */
    public static final String SNAPSHOT = "experiment.yaml";
    /** The absolute path of the experiment file the run was trained from (relative paths in it resolve there). */
    public static final String ORIGIN = "experiment.origin";
    /** Every parameter with defaults filled in. */
    public static final String RESOLVED = "resolved.json";
    /** The contributions and bundles the run used. */
    public static final String BUNDLES = "bundles.json";
    /** step,epoch,name,value rows. */
    public static final String METRICS = "metrics.csv";
    /** Final figures. */
    public static final String SUMMARY = "summary.json";
    /** running, completed, stopped or failed, then a message. */
    public static final String STATUS = "status";
    /** The latest progress line (epoch, step, examples/s, ETA, loss), rewritten about once a second while training. */
    public static final String PROGRESS = "progress.txt";
    /** The latest checkpoint. */
    public static final String CHECKPOINT = "checkpoints/last.ckpt";
    /** The checkpoint before it, kept so that a damaged last one is not the end of the run. */
    public static final String PREVIOUS_CHECKPOINT = "checkpoints/previous.ckpt";

    /** The most checkpoints a run keeps ({@code training.keep_checkpoints} is at most this). */
    public static final int MAX_KEPT_CHECKPOINTS = 100;

    /**
     * @param k 1 for the checkpoint before the last, 2 for the one before that, ...
     * @return its run-relative path ({@code training.keep_checkpoints} says how many a run keeps)
     */
    public static String olderCheckpoint(int k) {
        return k == 1 ? PREVIOUS_CHECKPOINT : "checkpoints/previous-" + k + ".ckpt";
    }

    /**
     * @param phase a phase number
     * @return the run-relative path of the checkpoint kept where that phase begins
     */
    public static String phaseCheckpoint(int phase) {
        return "checkpoints/phase-" + phase + ".ckpt";
    }

    private static final String METRICS_HEADER = "step,epoch,name,value";

    private final Path directory;
    private final RunLock lock;
    private BufferedWriter metrics;
    private final BufferedWriter log;

    private RunDirectory(Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory.resolve("checkpoints"));
        Files.createDirectories(directory.resolve("samples"));
        lock = RunLock.acquire(directory);
        try {
            metrics = openMetrics();
            log = Files.newBufferedWriter(directory.resolve("run.log"), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private BufferedWriter openMetrics() throws IOException {
        boolean fresh = !Files.exists(directory.resolve(METRICS));
        BufferedWriter writer = Files.newBufferedWriter(directory.resolve(METRICS), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (fresh) {
            writer.write(METRICS_HEADER + "\n");
            writer.flush();
        }
        return writer;
    }

    /**
     * Cuts {@code metrics.csv} back to the rows of steps up to the one a resume starts from, and
     * drops lines that are not whole rows (a line torn by a crash or a full disk), so that the
     * resumed training appends exactly what an uninterrupted run would have written.
     *
     * @param step the checkpoint's step
     * @return the number of lines dropped as damaged (rows after the step are not counted)
     * @throws IOException if the file cannot be rewritten
     */
    public int cutMetricsAfter(long step) throws IOException {
        metrics.close();
        Path file = directory.resolve(METRICS);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        StringBuilder kept = new StringBuilder(METRICS_HEADER).append('\n');
        int damaged = 0;
        String[] lines = text.split("\n", -1);
        // the last piece is what follows the last newline: empty, or a torn line
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (i == lines.length - 1 && line.isEmpty()) {
                break;
            }
            MetricsTail.Point row = MetricsTail.parse(line);
            if (row == null || i == lines.length - 1) {
                damaged++;
            } else if (row.step() <= step) {
                kept.append(line).append('\n');
            }
        }
        AtomicFile.writeString(file, kept.toString());
        metrics = openMetrics();
        return damaged;
    }

    /** Temporary files a killed process left half-written (this process holds the run, so none are in use). */
    private void removeTemporaries() throws IOException {
        for (Path folder : List.of(directory, directory.resolve("checkpoints"), directory.resolve("samples"))) {
            try (var files = Files.newDirectoryStream(folder, "*.tmp")) {
                for (Path file : files) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * Writes a JSON file into a run without taking it (results of eval, cluster, anomaly).
     *
     * @param directory a run directory
     * @param name the file name inside it
     * @param value a map, list or value
     * @throws IOException if it cannot be written
     */
    public static void writeJson(Path directory, String name, Object value) throws IOException {
        AtomicFile.writeString(directory.resolve(name), Json.write(value) + "\n");
    }

    /**
     * @param runs the folder that holds runs
     * @param name the experiment's name
     * @return a new, empty run directory
     * @throws IOException if it cannot be created
     */
    public static RunDirectory create(Path runs, String name) throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path directory = runs.resolve(stamp + "-" + name);
        for (int i = 2; Files.exists(directory); i++) {
            directory = runs.resolve(stamp + "-" + name + "-" + i);
        }
        return new RunDirectory(directory);
    }

    /**
     * A new run directory at a path chosen beforehand (a data-parallel run's, which a restarted
     * attempt must find again).
     *
     * @param directory the run's path
     * @return the new run directory
     * @throws IOException if it holds a run already, or cannot be created
     */
    public static RunDirectory createAt(Path directory) throws IOException {
        if (Files.exists(directory.resolve(SNAPSHOT))) {
            throw new FileAlreadyExistsException(directory.toString(), null, "holds a run already");
        }
        return new RunDirectory(directory);
    }

    /**
     * @param directory an existing run directory
     * @return it, opened to continue (metrics appended) and held by this process until closed
     * @throws RunLock.LockedException if another process is training it
     * @throws IOException if it is not a run directory
     */
    public static RunDirectory open(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "no such run directory");
        }
        if (!Files.isRegularFile(directory.resolve(SNAPSHOT))) {
            throw new IOException(directory + " is not a run directory: it has no " + SNAPSHOT);
        }
        RunDirectory run = new RunDirectory(directory);
        run.removeTemporaries();
        return run;
    }

    /** @return the folder */
    public Path path() {
        return directory;
    }

    /**
     * Writes a file atomically.
     *
     * @param name the file name inside the run
     * @param content its text
     * @throws IOException if it cannot be written
     */
    public void write(String name, String content) throws IOException {
        AtomicFile.writeString(directory.resolve(name), content);
    }

    /**
     * @param name a file name inside the run
     * @param value a map, list or value
     * @throws IOException if it cannot be written
     */
    public void writeJson(String name, Object value) throws IOException {
        write(name, Json.write(value) + "\n");
    }

    /**
     * Appends one metric value and flushes, so that a crash loses at most the current line.
     *
     * @param step the step
     * @param epoch the epoch (from 1)
     * @param name the metric
     * @param value its value
     * @throws IOException if it cannot be written
     */
    public void metric(long step, int epoch, String name, double value) throws IOException {
        metrics.write(step + "," + epoch + "," + name + "," + String.format(Locale.ROOT, "%.8g", value) + "\n");
        metrics.flush();
    }

    /**
     * Appends another run's metrics up to a step (a branched run starts with its source's history).
     *
     * @param source another run directory
     * @param step the last step to copy
     * @throws IOException if they cannot be read or written
     */
    public void copyMetricsUpTo(Path source, long step) throws IOException {
        List<String> lines = Files.readAllLines(source.resolve(METRICS), StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            MetricsTail.Point row = MetricsTail.parse(line);
            if (row != null && row.step() <= step) { // a damaged line of the source is not carried over
                metrics.write(line + "\n");
            }
        }
        metrics.flush();
    }

    /**
     * @param line a log line (timestamped here)
     * @throws IOException if it cannot be written
     */
    public void log(String line) throws IOException {
        log.write(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + " " + line + "\n");
        log.flush();
    }

    /**
     * @param status running, completed, stopped or failed
     * @param message a sentence
     * @throws IOException if it cannot be written
     */
    public void status(String status, String message) throws IOException {
        write(STATUS, status + "\n" + message + "\n");
    }

    @Override
    public void close() throws IOException {
        try (RunLock held = lock) {
            metrics.close();
            log.close();
        }
    }

    /**
     * Reads a run's experiment snapshot as if it were still beside the original file, so that
     * relative paths in it (a dataset directory) mean what they meant when the run was trained.
     *
     * @param reader checks it against the installed contributions
     * @param run a run directory
     * @return its checked experiment
     * @throws InvalidExperimentException listing every problem
     * @throws IOException if the snapshot cannot be read
     */
    public static CheckedExperiment experiment(ExperimentReader reader, Path run) throws InvalidExperimentException,
            IOException {
        Path snapshot = run.resolve(SNAPSHOT);
        if (!Files.isRegularFile(snapshot)) {
            throw new InvalidExperimentException(List.of(new ExperimentProblem(snapshot.toString(), 1, 1, "",
                    "not a run directory: no experiment snapshot")));
        }
        Path origin = run.resolve(ORIGIN);
        Path file = Files.isRegularFile(origin) ? Path.of(Files.readString(origin, StandardCharsets.UTF_8).strip()) : snapshot;
        return reader.check(file, Files.readString(snapshot, StandardCharsets.UTF_8));
    }
}
