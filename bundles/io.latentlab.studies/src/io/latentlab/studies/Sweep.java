package io.latentlab.studies;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentProblem;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.experiments.InvalidExperimentException;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.MetricsTail;
import io.latentlab.runs.RunDirectory;
import io.latentlab.runs.RunInfo;

/**
 * A hyper-parameter sweep declared in the experiment's {@code sweep:} block: a grid over the
 * given values, or random draws from ranges, of any field of the experiment (a contribution's
 * parameter, a layer's units, the batch size). Each trial is a normal run named
 * {@code <name>-trial-NN} in {@code <runs>/sweep-<name>/}; trials run in parallel on up to
 * {@code workers} threads; a sweep started again skips completed trials and resumes stopped ones.
 *
 * <pre>
 * sweep:
 *   method: grid            # or random (then count and seed)
 *   parameters:
 *     optimizer.learning_rate: [0.001, 0.003]
 *     model.encoder[1].dense.units: [16, 32]
 *     # random: {range: [0.0001, 0.01], log: true}
 *   early_stopping: median  # or {rule: median, metric: test_bce, goal: minimize, after_epochs: 1, min_trials: 2}
 * </pre>
 *
 * With early stopping, a trial whose metric is worse than the median of the other trials at the
 * same epoch stops there ({@link MedianStopping}); its run records why ({@value #EARLY_STOP}) and
 * a resumed sweep leaves it stopped.
 */
public final class Sweep {

    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)\\]");

    /**
     * One trial.
     *
     * @param name the run name
     * @param values the swept fields' values, by field path
     * @param text the trial's experiment text
     */
    public record Trial(String name, Map<String, Object> values, String text) {
    }

    /**
     * A trial's outcome.
     *
     * @param trial the trial
     * @param run its run directory, or {@code null} if the sweep was cancelled before it started
     * @param info what the run says about itself, or {@code null} without a run
     */
    public record Outcome(Trial trial, Path run, RunInfo info) {
    }

    /**
     * @param file an experiment file with a sweep
     * @return the folder its sweep trains into, in the runs folder: {@code sweep-NAME} for
     *         {@code NAME.experiment.yaml}
     */
    public static String folderName(Path file) {
        return "sweep-" + file.getFileName().toString().replace(".experiment.yaml", "");
    }

    /**
     * @param checked an experiment
     * @return whether its file has a {@code sweep:} block (its trials are what training it means)
     */
    public static boolean isSweep(CheckedExperiment checked) {
        try {
            return new Yaml().load(checked.experiment().text()) instanceof Map<?, ?> root && root.containsKey("sweep");
        } catch (RuntimeException e) {
            return false; // checked already: not reached
        }
    }

    /** In a trial's run directory: why the sweep stopped it early. */
    public static final String EARLY_STOP = "early-stop.txt";

    private final ContributionRegistry registry;
    private final Set<ExperimentRunner> training = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    /** @param registry the installed contributions */
    public Sweep(ContributionRegistry registry) {
        this.registry = registry;
    }

    /**
     * Stops the sweep: trials training stop after their current step (with a checkpoint, so a
     * second start resumes them) and no further trial starts.
     */
    public void cancel() {
        cancelled = true;
        training.forEach(ExperimentRunner::cancel);
    }

    /**
     * @param file the experiment file, with a {@code sweep:} block
     * @return its trials, in order
     * @throws InvalidExperimentException if the block is malformed or a trial is not a valid experiment
     * @throws IOException if the file cannot be read
     */
    public List<Trial> trials(Path file) throws InvalidExperimentException, IOException {
        String text = Files.readString(file);
        ExperimentReader reader = new ExperimentReader(registry);
        CheckedExperiment base = reader.check(file, text);
        Map<?, ?> root = (Map<?, ?>) new Yaml().load(text);
        CheckedExperiment.Positions at = base.positions();
        if (!(root.get("sweep") instanceof Map<?, ?> sweep) || !(sweep.get("parameters") instanceof Map<?, ?> parameters)
                || parameters.isEmpty()) {
            throw problem(file, at, "sweep", "no 'sweep:' block with 'parameters:' (field path: [values] or {range: [low,"
                    + " high]})");
        }
        String method = String.valueOf(sweep.containsKey("method") ? sweep.get("method") : "grid");
        List<Map<String, Object>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        if ("grid".equals(method)) {
            for (Map.Entry<?, ?> parameter : parameters.entrySet()) {
                if (!(parameter.getValue() instanceof List<?> values) || values.isEmpty()) {
                    throw problem(file, at, "sweep.parameters." + parameter.getKey(), "a grid takes a list of values");
                }
                List<Map<String, Object>> next = new ArrayList<>();
                for (Map<String, Object> combination : combinations) {
                    for (Object value : values) {
                        Map<String, Object> extended = new LinkedHashMap<>(combination);
                        extended.put(String.valueOf(parameter.getKey()), value);
                        next.add(extended);
                    }
                }
                combinations = next;
            }
        } else if ("random".equals(method)) {
            int count = sweep.get("count") instanceof Number n ? n.intValue() : 8;
            SplittableRandom random = new SplittableRandom(sweep.get("seed") instanceof Number n ? n.longValue() : 1);
            combinations.clear();
            for (int i = 0; i < count; i++) {
                Map<String, Object> combination = new LinkedHashMap<>();
                for (Map.Entry<?, ?> parameter : parameters.entrySet()) {
                    combination.put(String.valueOf(parameter.getKey()), draw(file, at, parameter, random));
                }
                combinations.add(combination);
            }
        } else {
            throw problem(file, at, "sweep.method", "unknown method '" + method + "'; use grid or random");
        }
        List<Trial> trials = new ArrayList<>();
        List<ExperimentProblem> problems = new ArrayList<>();
        for (int i = 0; i < combinations.size(); i++) {
            String name = String.format(Locale.ROOT, "%s-trial-%02d", base.experiment().name(), i + 1);
            Map<String, Object> tree = copy(root);
            tree.remove("sweep");
            tree.put("name", name);
            for (Map.Entry<String, Object> value : combinations.get(i).entrySet()) {
                set(file, at, tree, value.getKey(), value.getValue());
            }
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            String trialText = "# " + base.experiment().name() + " sweep, trial " + (i + 1) + ": " + combinations.get(i)
                    + "\n" + new Yaml(options).dump(tree);
            try {
                reader.check(file, trialText); // every trial valid before any training
            } catch (InvalidExperimentException e) {
                // a swept field's problem is reported at the sweep value the trial took (the line to edit);
                // any other at the field's own line; each says which trial
                for (ExperimentProblem problem : e.problems()) {
                    int[] position = at.of(sweptPath(problem.path(), combinations.get(i), parameters));
                    problems.add(new ExperimentProblem(file.toString(), position[0], position[1], problem.path(),
                            "sweep trial " + (i + 1) + " " + combinations.get(i) + ": " + problem.message()));
                }
            }
            trials.add(new Trial(name, combinations.get(i), trialText));
        }
        if (!problems.isEmpty()) {
            throw new InvalidExperimentException(problems);
        }
        return trials;
    }

    /**
     * @return {@code sweep.parameters.KEY[j]} (the value the trial took, when the sweep lists values)
     *         or {@code sweep.parameters.KEY} when the problem is in a swept field, else the path itself
     */
    private static String sweptPath(String path, Map<String, Object> combination, Map<?, ?> parameters) {
        for (Map.Entry<String, Object> swept : combination.entrySet()) {
            String key = swept.getKey();
            if (path.equals(key) || path.startsWith(key + ".") || path.startsWith(key + "[")) {
                String sweep = "sweep.parameters." + key;
                if (parameters.get(key) instanceof List<?> values && values.indexOf(swept.getValue()) >= 0) {
                    return sweep + "[" + values.indexOf(swept.getValue()) + "]";
                }
                return sweep;
            }
        }
        return path;
    }

    private static Object draw(Path file, CheckedExperiment.Positions at, Map.Entry<?, ?> parameter,
            SplittableRandom random) throws InvalidExperimentException {
        if (parameter.getValue() instanceof List<?> values && !values.isEmpty()) {
            return values.get(random.nextInt(values.size()));
        }
        if (parameter.getValue() instanceof Map<?, ?> spec && spec.get("range") instanceof List<?> range && range.size() == 2
                && range.get(0) instanceof Number low && range.get(1) instanceof Number high) {
            boolean log = Boolean.TRUE.equals(spec.get("log"));
            double u = random.nextDouble();
            double value = log ? Math.exp(Math.log(low.doubleValue()) + u * (Math.log(high.doubleValue())
                    - Math.log(low.doubleValue()))) : low.doubleValue() + u * (high.doubleValue() - low.doubleValue());
            return low instanceof Double || high instanceof Double ? (Object) value : (Object) Math.round(value);
        }
        throw problem(file, at, "sweep.parameters." + parameter.getKey(), "expected [values] or {range: [low, high], log:"
                + " true}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<?, ?> map) {
        return (Map<String, Object>) new Yaml().load(new Yaml().dump(map));
    }

    /** Sets a field by path, e.g. {@code model.encoder[1].dense.units}; the field's parents must exist. */
    @SuppressWarnings("unchecked")
    private static void set(Path file, CheckedExperiment.Positions at, Map<String, Object> tree, String path, Object value)
            throws InvalidExperimentException {
        Matcher matcher = STEP.matcher(path);
        List<Object> steps = new ArrayList<>();
        while (matcher.find()) {
            steps.add(matcher.group(1) != null ? matcher.group(1) : (Object) Integer.parseInt(matcher.group(2)));
        }
        Object node = tree;
        for (int i = 0; i < steps.size() - 1; i++) {
            Object step = steps.get(i);
            node = node instanceof Map<?, ?> map && step instanceof String key ? map.get(key)
                    : node instanceof List<?> list && step instanceof Integer index && index < list.size() ? list.get(index)
                    : null;
            if (node == null) {
                throw problem(file, at, "sweep.parameters." + path, "the experiment has no field '" + path + "'");
            }
        }
        Object last = steps.get(steps.size() - 1);
        if (node instanceof Map<?, ?> map && last instanceof String key) {
            ((Map<String, Object>) map).put(key, value);
        } else if (node instanceof List<?> list && last instanceof Integer index && index < list.size()) {
            ((List<Object>) list).set(index, value);
        } else {
            throw problem(file, at, "sweep.parameters." + path, "the experiment has no field '" + path + "'");
        }
    }

    private static InvalidExperimentException problem(Path file, CheckedExperiment.Positions at, String path,
            String message) {
        int[] position = at.of(path);
        return new InvalidExperimentException(List.of(new ExperimentProblem(file.toString(), position[0], position[1], path,
                message)));
    }

    /**
     * The sweep's early stopping rule, if its block asks for one.
     *
     * @param file the experiment file
     * @return the rule, or {@code null} when the sweep has none
     * @throws InvalidExperimentException if the {@code early_stopping} entry is malformed
     * @throws IOException if the file cannot be read
     */
    public static MedianStopping earlyStopping(Path file) throws InvalidExperimentException, IOException {
        // the experiment reader has checked the block, at its lines
        Map<?, ?> root = (Map<?, ?>) new Yaml().load(Files.readString(file));
        Object spec = root.get("sweep") instanceof Map<?, ?> sweep ? sweep.get("early_stopping") : null;
        if (spec == null || Boolean.FALSE.equals(spec) || "none".equals(spec)) {
            return null;
        }
        Map<?, ?> options = spec instanceof Map<?, ?> map ? map : Map.of("rule", spec);
        String metric = options.get("metric") != null ? String.valueOf(options.get("metric")) : null;
        Object goal = options.get("goal");
        Boolean higher = goal == null ? null : "maximize".equals(goal);
        int after = options.get("after_epochs") instanceof Number n ? n.intValue() : 1;
        int others = options.get("min_trials") instanceof Number n ? n.intValue() : 2;
        return new MedianStopping(metric, higher, after, others);
    }

    /**
     * Runs the trials not completed yet, {@code workers} at a time.
     *
     * @param file the experiment file (relative paths in it resolve there)
     * @param trials from {@link #trials}
     * @param folder the sweep's folder
     * @param workers parallel trials
     * @param progress told when each trial ends
     * @return every trial's outcome, in order; a trial the sweep was cancelled before has no run
     * @throws IOException if a trial's files cannot be read or written
     * @throws InvalidExperimentException if a trial's model cannot be built
     */
    public List<Outcome> run(Path file, List<Trial> trials, Path folder, int workers, ExperimentRunner.Progress progress)
            throws IOException, InvalidExperimentException {
        Files.createDirectories(folder);
        ExperimentReader reader = new ExperimentReader(registry);
        MedianStopping rule = earlyStopping(file);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers));
        try {
            List<Future<Path>> futures = new ArrayList<>();
            for (Trial trial : trials) {
                futures.add(pool.submit(() -> {
                    Path existing = existing(folder, trial.name());
                    CheckedExperiment checked = reader.check(file, trial.text());
                    ExperimentRunner runner = new ExperimentRunner(registry);
                    training.add(runner);
                    if (cancelled) {
                        training.remove(runner);
                        return existing;
                    }
                    Path[] directory = {existing};
                    ExperimentRunner.Progress quiet = new ExperimentRunner.Progress() {
                        @Override
                        public void report(String line, boolean endOfEpoch) {
                        }

                        @Override
                        public void started(Path run) {
                            directory[0] = run;
                        }

                        @Override
                        public void evaluated(int epoch, Map<String, Double> metrics, String headlineMetric) {
                            if (rule != null) {
                                learnFromFolder(rule, folder, trial.name(), epoch, rule.compared(headlineMetric));
                            }
                            String reason = rule == null ? null : rule.judge(trial.name(), epoch, metrics, headlineMetric);
                            if (reason != null) {
                                try {
                                    Files.writeString(directory[0].resolve(EARLY_STOP), reason + "\n");
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                                runner.cancel(); // stops after this step, with a checkpoint
                            }
                        }
                    };
                    Path run;
                    if (existing == null) {
                        run = runner.run(checked, folder, quiet);
                    } else if (!"completed".equals(RunInfo.of(existing).status())
                            && Files.notExists(existing.resolve(EARLY_STOP))) {
                        runner.resume(existing, checked, quiet);
                        run = existing;
                    } else {
                        run = existing;
                    }
                    training.remove(runner);
                    progress.report(trial.name() + " " + RunInfo.of(run).status() + " " + trial.values(), true);
                    return run;
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < trials.size(); i++) {
                Path run = result(futures.get(i));
                outcomes.add(new Outcome(trials.get(i), run, run == null ? null : RunInfo.of(run)));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for a trial, rethrowing what it threw; an interrupt cancels the sweep. */
    private Path result(Future<Path> trial) throws IOException, InvalidExperimentException {
        try {
            return trial.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new InterruptedIOException("the sweep was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof InvalidExperimentException invalid) {
                throw invalid;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Trials that other processes train into the same folder (a cluster's tasks, each training one
     * trial) count for the median rule as this process's own do: their metric at this epoch is read
     * from their {@code metrics.csv}.
     */
    private static void learnFromFolder(MedianStopping rule, Path folder, String trial, int epoch, String metric) {
        Pattern run = Pattern.compile("\\d{8}-\\d{6}-(.+)"); // timestamp-trial
        try (var children = Files.list(folder)) {
            for (Path child : children.toList()) {
                Matcher name = run.matcher(child.getFileName().toString());
                if (!name.matches() || name.group(1).equals(trial) || !Files.isRegularFile(child.resolve(RunDirectory.METRICS))) {
                    continue;
                }
                for (String line : Files.readAllLines(child.resolve(RunDirectory.METRICS))) {
                    if (line.contains("," + metric + ",")) {
                        MetricsTail.Point point = MetricsTail.parse(line);
                        if (point != null && point.epoch() == epoch && point.name().equals(metric)) {
                            rule.record(name.group(1), epoch, point.value());
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a run being written or removed: it counts at the next evaluation
        }
    }

    /**
     * A run an earlier start left in a study's folder (a sweep's trial, a race's entrant): it is
     * continued or skipped, never trained twice.
     *
     * @param folder the study's folder
     * @param name the run's name (the experiment name it was trained under)
     * @return the newest run of that name with a checkpoint, or {@code null}
     * @throws IOException if the folder cannot be listed
     */
    public static Path existing(Path folder, String name) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        Pattern pattern = Pattern.compile("\\d{8}-\\d{6}-" + Pattern.quote(name) + "(-\\d+)?");
        try (var children = Files.list(folder)) {
            return children.filter(p -> pattern.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isRegularFile(p.resolve(RunDirectory.CHECKPOINT))).sorted().reduce((a, b) -> b)
                    .orElse(null);
        }
    }

    /**
     * Writes the sweep's table: one row per trial with its values, status and headline metric.
     *
     * @param outcomes the outcomes
     * @param file the CSV to write
     * @throws IOException if it cannot be written
     */
    public static void writeTable(List<Outcome> outcomes, Path file) throws IOException {
        List<String> columns = new ArrayList<>(outcomes.get(0).trial().values().keySet());
        StringBuilder csv = new StringBuilder("trial," + String.join(",", columns) + ",status,headline_metric,value\n");
        for (Outcome outcome : outcomes) {
            csv.append(outcome.trial().name());
            for (String column : columns) {
                csv.append(',').append(outcome.trial().values().get(column));
            }
            if (outcome.run() == null) {
                csv.append(",not started,,\n");
                continue;
            }
            String status = Files.exists(outcome.run().resolve(EARLY_STOP)) ? "stopped early" : outcome.info().status();
            csv.append(',').append(status).append(',').append(outcome.info().headlineMetric()).append(',')
                    .append(outcome.info().headlineValue()).append('\n');
        }
        Files.writeString(file, csv);
    }
}
