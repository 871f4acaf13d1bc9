package io.latentlab.studies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;


import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentText;
import io.latentlab.experiments.InvalidExperimentException;
import io.latentlab.nd4j.Nd4jRuntime;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunDirectory;
import io.latentlab.runs.RunInfo;

/**
 * A group of repeats of one experiment ({@code seeds: [1, 2, 3]} or {@code repeat: 3}): one run per
 * seed, in {@code RUNS/seeds-NAME/}, trained as the trials of a sweep over {@code seed} (in parallel
 * where the cores allow, a second start resuming or skipping what is done), and summarised as the
 * mean and standard deviation of each test metric across the seeds.
 */
public final class SeedGroup {

    /** Group folders are named with this prefix and the experiment's name. */
    public static final String PREFIX = "seeds-";

    /** The group's table of runs, in its folder. */
    public static final String TABLE = "seeds.csv";

    /**
     * A metric across the group's runs.
     *
     * @param metric the metric, e.g. {@code test_bce}
     * @param runs how many runs have it
     * @param mean their mean
     * @param std their sample standard deviation (n - 1 in the denominator; 0 for one run)
     */
    public record Statistic(String metric, int runs, double mean, double std) {

        /** @return e.g. {@code 0.2741 ± 0.0012} */
        public String meanStd() {
            return String.format(Locale.ROOT, "%.5g \u00b1 %.2g", mean, std);
        }
    }

    private SeedGroup() {
    }

    /**
     * @param runs the folder that holds runs
     * @param name the experiment's name
     * @return the group's folder
     */
    public static Path folder(Path runs, String name) {
        return runs.resolve(PREFIX + name);
    }

    /**
     * @param run a run directory
     * @return whether it is a member of a seed group (its folder is a group folder)
     */
    public static boolean isMember(Path run) {
        Path parent = run.toAbsolutePath().normalize().getParent();
        return parent != null && parent.getFileName() != null && parent.getFileName().toString().startsWith(PREFIX);
    }

    /**
     * @param checked an experiment asking for seeds
     * @return one trial per seed: the experiment with that {@code seed}, named {@code NAME-seed-S}
     */
    public static List<Sweep.Trial> trials(CheckedExperiment checked) {
        String base = ExperimentText.remove(ExperimentText.remove(checked.experiment().text(), "seeds"), "repeat");
        List<Sweep.Trial> trials = new ArrayList<>();
        for (long seed : checked.experiment().seeds()) {
            String name = checked.experiment().name() + "-seed-" + seed;
            String text = ExperimentText.set(ExperimentText.set(base, "seed", seed), "name", name);
            trials.add(new Sweep.Trial(name, Map.of("seed", seed), text));
        }
        return trials;
    }

    /**
     * @param members runs in a group
     * @return how many train at once: each run uses ND4J's configured threads, the group uses the cores
     */
    public static int workers(int members) {
        return Math.max(1, Math.min(members, Runtime.getRuntime().availableProcessors()
                / Math.max(1, Nd4jRuntime.initialize().blasThreads())));
    }

    /**
     * Trains the group (skipping completed runs and resuming stopped ones of an earlier start) and
     * writes its table.
     *
     * @param sweep trains the runs; cancel it to stop them all after their current step
     * @param checked an experiment asking for seeds
     * @param runs the folder that holds runs
     * @param progress told when each run ends
     * @return the runs, in seed order ({@code null} for a run the cancel kept from starting)
     * @throws InvalidExperimentException if a run's experiment is not valid
     * @throws IOException if a run cannot be written
     */
    public static List<Path> train(Sweep sweep, CheckedExperiment checked, Path runs, ExperimentRunner.Progress progress)
            throws InvalidExperimentException, IOException {
        List<Sweep.Trial> trials = trials(checked);
        Path folder = folder(runs, checked.experiment().name());
        List<Sweep.Outcome> outcomes = sweep.run(checked.experiment().file(), trials, folder, workers(trials.size()),
                progress);
        Sweep.writeTable(outcomes, folder.resolve(TABLE));
        return outcomes.stream().map(Sweep.Outcome::run).toList();
    }

    /**
     * @param members a group's run directories (those without a summary are left out)
     * @return each final test metric that every finished run reports, across them, in the first run's order
     */
    public static List<Statistic> statistics(List<Path> members) {
        List<Map<String, Double>> finals = new ArrayList<>();
        for (Path member : members) {
            Map<String, Double> metrics = finalMetrics(member);
            if (!metrics.isEmpty()) {
                finals.add(metrics);
            }
        }
        List<Statistic> statistics = new ArrayList<>();
        if (finals.isEmpty()) {
            return statistics;
        }
        for (String metric : finals.get(0).keySet()) {
            if (finals.stream().allMatch(m -> m.containsKey(metric))) {
                statistics.add(statistic(metric, finals.stream().mapToDouble(m -> m.get(metric)).toArray()));
            }
        }
        return statistics;
    }

    /**
     * @param members a group's run directories
     * @return the headline metric across them, if the runs have one
     */
    public static Optional<Statistic> headline(List<Path> members) {
        String headline = members.stream().map(SeedGroup::headlineMetric).filter(m -> !m.isEmpty()).findFirst().orElse("");
        return statistics(members).stream().filter(s -> s.metric().equals(headline)).findFirst();
    }

    /**
     * @param metric a metric's name
     * @param values its values, one per run
     * @return their mean and sample standard deviation
     */
    public static Statistic statistic(String metric, double[] values) {
        double mean = 0;
        for (double value : values) {
            mean += value / values.length;
        }
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return new Statistic(metric, values.length, mean, values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0);
    }

    /**
     * @param folder a group's folder
     * @return its runs, by name
     */
    public static List<Path> members(Path folder) {
        try (var children = Files.list(folder)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(RunDirectory.SNAPSHOT))).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Map<String, Double> finalMetrics(Path run) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (RunInfo.summary(run).get("metrics") instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (value instanceof Number number && String.valueOf(key).startsWith("test_")) {
                    metrics.put(String.valueOf(key), number.doubleValue());
                }
            });
        }
        return metrics;
    }

    private static String headlineMetric(Path run) {
        Object headline = RunInfo.summary(run).get("headline_metric");
        return headline == null ? "" : headline.toString();
    }
}
