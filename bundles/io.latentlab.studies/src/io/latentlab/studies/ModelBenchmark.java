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
import io.latentlab.experiments.ExperimentProblem;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.experiments.InvalidExperimentException;
import io.latentlab.experiments.YamlTree;
import io.latentlab.runs.AtomicFile;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.Json;
import io.latentlab.runs.RunDirectory;

/**
 * The model benchmark: a plan (YAML) of rows, each an experiment trained to completion and one
 * figure read from it (a metric of its evaluation, or an analysis of the trained run: anomaly
 * AUC, clustering, inception score of generated images), compared with a target. A run serves
 * every row that names its experiment.
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
     */
    public record Row(String name, Path experiment, String analysis, Map<String, Object> options, String metric,
            String comparison, Double target, Double reference) {

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
     * @param examplesPerSecond its training throughput
     * @param run the run directory, or {@code null} if training failed
     * @param error why the row has no value, or {@code null}
     */
    public record Result(Row row, double value, Boolean passed, double seconds, double examplesPerSecond, Path run,
            String error) {
    }

    private final ExperimentRunner runner;
    private final ExperimentReader reader;
    private final Path runs;
    private final Map<Path, Path> trained = new HashMap<>();

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
            rows.add(new Row(name, experimentFile, analysis, options, String.valueOf(metric), comparison, target,
                    reference));
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
                result = new Result(row, Double.NaN, row.target() == null ? null : false, Double.NaN, Double.NaN, null,
                        e.getClass().getSimpleName() + ": " + e.getMessage());
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
        return new Result(row, value, passed, ((Number) summary.get("seconds")).doubleValue(),
                ((Number) summary.get("examples_per_second")).doubleValue(), run, null);
    }

    private Path train(Path experiment, ExperimentRunner.Progress progress) throws IOException, InvalidExperimentException {
        Path key = experiment.toAbsolutePath().normalize();
        Path run = trained.get(key);
        if (run == null) {
            run = runner.run(reader.read(key), runs, progress);
            trained.put(key, run);
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
            row.put("run", result.run() == null ? null : result.run().toAbsolutePath().toString());
            row.put("error", result.error());
            rows.add(row);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.writeString(file, Json.write(Map.of("rows", rows)) + "\n");
    }
}
