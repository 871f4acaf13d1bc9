package io.latentlab.studies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

import io.latentlab.analyses.RunAnalyses;
import io.latentlab.experiments.Experiment;
import io.latentlab.experiments.ExperimentProblem;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.experiments.InvalidExperimentException;
import io.latentlab.experiments.YamlTree;
import io.latentlab.nd4j.NativeMemory;
import io.latentlab.runs.AtomicFile;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.Json;
import io.latentlab.runs.RunDirectory;

/**
 * The model benchmark: a plan (YAML) of rows, each an experiment trained to completion and one
 * figure read from it (a metric of its evaluation, or an analysis of the trained run: anomaly
 * AUC, clustering, inception score of generated images), compared with a target. A run serves
 * every row that names its experiment. A row may name a reference implementation (the plan's
 * {@code pytorch:} program), trained right after it with the same settings and threads: its
 * examples per second, final metric and peak memory are reported beside ours.
 */
public final class ModelBenchmark {

    private static final Pattern TARGET = Pattern.compile("\\s*(<=|>=)\\s*([-+0-9.eE]+)\\s*");
    private static final List<String> ANALYSES = List.of("none", "anomaly", "cluster", "inception_score");

    /**
     * One row of the plan.
     *
     * @param name what the row shows
     * @param experiment the experiment file
     * @param analysis none, anomaly, cluster or inception_score
     * @param options the analysis' options (normal, k, classifier, images)
     * @param metric the figure's name
     * @param comparison {@code <=} or {@code >=}, or {@code null} without a target
     * @param target the target value, or {@code null}
     * @param reference the reference implementation's value, or {@code null}
     * @param referenceRun the reference trained beside this row, or {@code null}
     */
    public record Row(String name, Path experiment, String analysis, Map<String, Object> options, String metric,
            String comparison, Double target, Double reference, ReferenceRun referenceRun) {

        /** @return {@code <= 0.085}, or empty */
        public String targetText() {
            return target == null ? "" : comparison + " " + target;
        }
    }

    /**
     * @param row the row
     * @param value the figure reached
     * @param passed whether it meets the target, {@code null} without one
     * @param seconds the experiment's training time
     * @param examplesPerSecond its training throughput over its steps (evaluation, samples and checkpoints excluded)
     * @param peakRssMb this process' peak resident memory while it trained, in MB (NaN if unknown)
     * @param run the run directory, or {@code null} if training failed
     * @param reference what the row's reference reported, or {@code null}
     * @param error why the row (or its reference) has no value, or {@code null}
     */
    public record Result(Row row, double value, Boolean passed, double seconds, double examplesPerSecond,
            double peakRssMb, Path run, ReferenceRun.Figures reference, String error) {

        /** @return our examples per second over the reference's, or NaN without a reference */
        public double ratio() {
            return reference == null ? Double.NaN : examplesPerSecond / reference.examplesPerSecond();
        }
    }

    private final ExperimentRunner runner;
    private final ExperimentReader reader;
    private final Path runs;
    private final Map<Path, Path> trained = new HashMap<>();
    private final Map<Path, Double> peaks = new HashMap<>();
    private final Map<List<Object>, ReferenceRun.Figures> references = new HashMap<>();

    /**
     * @param runner trains and loads runs
     * @param reader checks experiment files
     * @param runs where the runs go
     */
    public ModelBenchmark(ExperimentRunner runner, ExperimentReader reader, Path runs) {
        this.runner = runner;
        this.reader = reader;
        this.runs = runs;
    }

    /**
     * @param plan the plan file
     * @return its rows, experiment paths resolved against the plan's folder
     * @throws InvalidExperimentException listing every problem with its line and column
     * @throws IOException if the file cannot be read
     */
    public static List<Row> read(Path plan) throws InvalidExperimentException, IOException {
        String file = plan.toString();
        YamlTree tree = YamlTree.parse(Files.readString(plan), file);
        List<ExperimentProblem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Object list = tree.root instanceof Map<?, ?> root ? root.get("rows") : null;
        if (!(list instanceof List<?> entries) || entries.isEmpty()) {
            throw new InvalidExperimentException(List.of(new ExperimentProblem(file, 1, 1, "rows",
                    "a benchmark plan needs 'rows:', a list of {name, experiment, metric, target}")));
        }
        Path base = plan.toAbsolutePath().getParent();
        Map<?, ?> pytorch = tree.root instanceof Map<?, ?> root && root.get("pytorch") instanceof Map<?, ?> map ? map
                : null;
        if (tree.root instanceof Map<?, ?> root && root.get("pytorch") != null && pytorch == null
                || pytorch != null && (pytorch.get("script") == null || pytorch.get("data") == null)) {
            problems.add(problem(tree, file, "pytorch", "expected {script: reference program, data: MNIST folder,"
                    + " python: interpreter (optional)}"));
            pytorch = null;
        }
        for (int i = 0; i < entries.size(); i++) {
            String path = "rows[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                problems.add(problem(tree, file, path, "expected a map with name, experiment, metric"));
                continue;
            }
            String name = String.valueOf(entry.get("name"));
            Object experiment = entry.get("experiment");
            Object metric = entry.get("metric");
            if (experiment == null || metric == null || entry.get("name") == null) {
                problems.add(problem(tree, file, path, "each row needs name, experiment and metric"));
                continue;
            }
            Path experimentFile = base.resolve(String.valueOf(experiment));
            if (!Files.isRegularFile(experimentFile)) {
                problems.add(problem(tree, file, path + ".experiment", "no such experiment file: " + experimentFile));
            }
            String analysis = "none";
            Map<String, Object> options = new LinkedHashMap<>();
            Object given = entry.get("analysis");
            if (given instanceof String text) {
                analysis = text;
            } else if (given instanceof Map<?, ?> map && map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                analysis = String.valueOf(only.getKey());
                if (only.getValue() instanceof Map<?, ?> values) {
                    values.forEach((key, value) -> options.put(String.valueOf(key), value));
                }
            } else if (given != null) {
                problems.add(problem(tree, file, path + ".analysis", "expected an analysis name or {name: {options}}"));
            }
            if (!ANALYSES.contains(analysis)) {
                problems.add(problem(tree, file, path + ".analysis", "unknown analysis '" + analysis + "'; known: "
                        + ANALYSES));
            }
            String comparison = null;
            Double target = null;
            if (entry.get("target") != null) {
                Matcher matcher = TARGET.matcher(String.valueOf(entry.get("target")));
                if (matcher.matches()) {
                    comparison = matcher.group(1);
                    target = Double.parseDouble(matcher.group(2));
                } else {
                    problems.add(problem(tree, file, path + ".target", "expected '>= number' or '<= number', found '"
                            + entry.get("target") + "'"));
                }
            }
            Double reference = entry.get("reference") instanceof Number number ? number.doubleValue() : null;
            ReferenceRun referenceRun = null;
            if (entry.get("pytorch") != null) {
                if (pytorch == null) {
                    problems.add(problem(tree, file, path + ".pytorch", "a row's 'pytorch:' needs the plan's"
                            + " 'pytorch: {script, data}'"));
                } else {
                    referenceRun = new ReferenceRun(String.valueOf(pytorch.get("python") == null ? "/usr/bin/python3"
                            : pytorch.get("python")), base.resolve(String.valueOf(pytorch.get("script"))).normalize(),
                            base.resolve(String.valueOf(pytorch.get("data"))).normalize(),
                            String.valueOf(entry.get("pytorch")));
                }
            }
            rows.add(new Row(name, experimentFile, analysis, options, String.valueOf(metric), comparison, target,
                    reference, referenceRun));
        }
        if (!problems.isEmpty()) {
            throw new InvalidExperimentException(problems);
        }
        return rows;
    }

    private static ExperimentProblem problem(YamlTree tree, String file, String path, String message) {
        int[] position = tree.keyPosition(path);
        return new ExperimentProblem(file, position[0], position[1], path, message);
    }

    /**
     * Runs the rows in order, training each experiment once.
     *
     * @param rows the plan's rows
     * @param progress receives training progress lines
     * @param done receives each result as it is known
     * @return the results; a row that failed has its reason instead of a value
     */
    public List<Result> run(List<Row> rows, ExperimentRunner.Progress progress, Consumer<Result> done) {
        List<Result> results = new ArrayList<>();
        for (Row row : rows) {
            Result result;
            try {
                result = measure(row, progress);
            } catch (IOException | InvalidExperimentException | RuntimeException e) { // one failing row must not cost the others
                result = new Result(row, Double.NaN, row.target() == null ? null : false, Double.NaN, Double.NaN,
                        Double.NaN, null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            results.add(result);
            done.accept(result);
        }
        return results;
    }

    private Result measure(Row row, ExperimentRunner.Progress progress) throws IOException, InvalidExperimentException {
        Path run = train(row.experiment(), progress);
        Map<?, ?> summary = (Map<?, ?>) new Yaml().load(Files.readString(run.resolve(RunDirectory.SUMMARY)));
        double value = switch (row.analysis()) {
            case "anomaly" -> RunAnalyses.anomalyAuc(load(run), ((Number) row.options().getOrDefault("normal", 0))
                    .intValue());
            case "cluster" -> {
                RunAnalyses.Clusters clusters = RunAnalyses.clusters(load(run),
                        ((Number) row.options().getOrDefault("k", 10)).intValue(), 1);
                yield "nmi".equals(row.metric()) ? clusters.nmi() : clusters.accuracy();
            }
            case "inception_score" -> {
                Object classifier = row.options().get("classifier");
                if (classifier == null) {
                    throw new IllegalArgumentException("row '" + row.name() + "': inception_score needs {classifier:"
                            + " experiment file}");
                }
                Path classifierRun = train(row.experiment().resolveSibling(String.valueOf(classifier)), progress);
                RunAnalyses.InceptionScore score = RunAnalyses.inceptionScore(load(run).model(),
                        load(classifierRun).model(), ((Number) row.options().getOrDefault("images", 10_000)).intValue(),
                        7);
                yield "class_entropy".equals(row.metric()) ? score.classEntropy() : score.score();
            }
            default -> {
                Object metrics = summary.get("metrics");
                Object metric = metrics instanceof Map<?, ?> map ? map.get(row.metric()) : null;
                if (!(metric instanceof Number number)) {
                    throw new IllegalArgumentException("row '" + row.name() + "': the run has no metric '" + row.metric()
                            + "'; it has " + (metrics instanceof Map<?, ?> map ? map.keySet() : "none"));
                }
                yield number.doubleValue();
            }
        };
        Boolean passed = row.target() == null ? null
                : "<=".equals(row.comparison()) ? value <= row.target() : value >= row.target();
        Object training = summary.get("training_examples_per_second");
        double examplesPerSecond = ((Number) (training != null ? training : summary.get("examples_per_second")))
                .doubleValue();
        ReferenceRun.Figures figures = null;
        String error = null;
        if (row.referenceRun() != null) {
            try {
                figures = reference(row.referenceRun(), run);
            } catch (IOException e) {
                error = "reference: " + e.getMessage();
            }
        }
        return new Result(row, value, passed, ((Number) summary.get("seconds")).doubleValue(), examplesPerSecond,
                peaks.getOrDefault(run, Double.NaN), run, figures, error);
    }

    /** Trains the reference with the run's own epochs, batch size, seed and threads, once per run. */
    private ReferenceRun.Figures reference(ReferenceRun reference, Path run) throws IOException {
        ReferenceRun.Figures figures = references.get(List.of(reference, run));
        if (figures == null) {
            Experiment experiment;
            try {
                experiment = RunDirectory.experiment(reader, run).experiment();
            } catch (InvalidExperimentException e) {
                throw new IOException(e.getMessage(), e);
            }
            String threads = System.getenv().getOrDefault("OMP_NUM_THREADS", "1");
            Object limit = experiment.dataset().parameters().get("train_limit");
            Object pretrain = experiment.model().parameters().get("pretrain_epochs");
            figures = reference.train(experiment.training().epochs(), experiment.training().batchSize(),
                    experiment.seed(), limit instanceof Number number ? number.longValue() : 0,
                    Integer.parseInt(threads.trim()), pretrain instanceof Number epochs ? epochs.longValue() : null);
            references.put(List.of(reference, run), figures);
        }
        return figures;
    }

    private Path train(Path experiment, ExperimentRunner.Progress progress) throws IOException, InvalidExperimentException {
        Path key = experiment.toAbsolutePath().normalize();
        Path run = trained.get(key);
        if (run == null) {
            NativeMemory.resetPeak();
            run = runner.run(reader.read(key), runs, progress);
            trained.put(key, run);
            peaks.put(run, NativeMemory.peakResidentMb());
        }
        return run;
    }

    private ExperimentRunner.LoadedRun load(Path run) throws IOException, InvalidExperimentException {
        return runner.load(run, RunDirectory.experiment(reader, run));
    }

    /**
     * @param results the results
     * @return a plain-text table, one row per result
     */
    public static String table(List<Result> results) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-40s %-16s %10s %12s %6s %10s %9s %9s%n",
                "row", "metric", "value", "target", "pass", "reference", "train s", "ex/s"));
        for (Result result : results) {
            Row row = result.row();
            text.append(String.format(Locale.ROOT, "%-40s %-16s %10.4f %12s %6s %10s %9.0f %9.0f%n", row.name(), row.metric(),
                    result.value(), row.targetText(), result.passed() == null ? "-" : result.passed() ? "PASS" : "FAIL",
                    row.reference() == null ? "" : String.format(Locale.ROOT, "%.4f", row.reference()), result.seconds(),
                    result.examplesPerSecond()));
            if (result.reference() != null) {
                ReferenceRun.Figures reference = result.reference();
                text.append(String.format(Locale.ROOT, "    %s: %,.0f ex/s (ours %,.0f, ratio %.2fx); %s %.4f (ours %.4f);"
                        + " peak RSS %,.0f MB (ours %,.0f MB)%n", reference.engine(), reference.examplesPerSecond(),
                        result.examplesPerSecond(), result.ratio(), reference.metric(), reference.value(), result.value(),
                        reference.peakRssMb(), result.peakRssMb()));
            }
            if (result.error() != null) {
                text.append("    error: ").append(result.error()).append('\n');
            }
        }
        return text.toString();
    }

    /**
     * @param results the results
     * @param file the JSON file to write
     * @throws IOException if it cannot be written
     */
    public static void writeJson(List<Result> results, Path file) throws IOException {
        List<Object> rows = new ArrayList<>();
        for (Result result : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", result.row().name());
            row.put("experiment", result.row().experiment().getFileName().toString());
            row.put("metric", result.row().metric());
            row.put("value", result.value());
            row.put("target", result.row().targetText());
            row.put("passed", result.passed());
            row.put("reference", result.row().reference());
            row.put("train_seconds", result.seconds());
            row.put("examples_per_second", result.examplesPerSecond());
            row.put("peak_rss_mb", Double.isNaN(result.peakRssMb()) ? null : Math.round(result.peakRssMb()));
            if (result.reference() != null) {
                ReferenceRun.Figures reference = result.reference();
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("engine", reference.engine());
                figures.put("blas", reference.blas());
                figures.put("examples_per_second", reference.examplesPerSecond());
                figures.put("ratio", Math.round(result.ratio() * 100) / 100.0);
                figures.put("metric", reference.metric());
                figures.put("value", reference.value());
                figures.put("peak_rss_mb", reference.peakRssMb());
                row.put("pytorch", figures);
            }
            row.put("run", result.run() == null ? null : result.run().toAbsolutePath().toString());
            row.put("error", result.error());
            rows.add(row);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.writeString(file, Json.write(Map.of("rows", rows)) + "\n");
    }
}
