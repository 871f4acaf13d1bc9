package io.latentlab.studies;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.UnknownContributionException;
import io.latentlab.core.optim.OptimizerFactory;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.Experiment;
import io.latentlab.experiments.ExperimentProblem;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.experiments.InvalidExperimentException;
import io.latentlab.runs.AtomicFile;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.MetricsTail;
import io.latentlab.runs.RunInfo;

/**
 * An optimizer race: one experiment trained once per optimizer, everything else identical —
 * the same seed gives the same initial weights and the same minibatch order — so that the
 * curves differ only by the optimizer. Each entrant is a normal run named
 * {@code <experiment>-<optimizer>}; hyper-parameters the experiment gives its optimizer (such
 * as {@code learning_rate}) carry over to every entrant whose schema has them. As a sweep's
 * trials, entrants an earlier start of the race completed are kept and stopped ones resumed, so
 * a race can be split over cluster tasks, one entrant each.
 */
public final class OptimizerRace {

    private final ContributionRegistry registry;

    /** @param registry the installed contributions */
    public OptimizerRace(ContributionRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param file an experiment file
     * @return the folder its race trains into, in the runs folder: {@code race-NAME} for
     *         {@code NAME.experiment.yaml} (its metrics table is {@code race-NAME.csv} beside it)
     */
    public static String folderName(Path file) {
        return "race-" + file.getFileName().toString().replace(".experiment.yaml", "");
    }

    /**
     * Trains the entrants not completed in {@code runs} yet, one at a time: an entrant an earlier start
     * completed is kept, one it left stopped continues from its checkpoint.
     *
     * @param file the experiment file
     * @param optimizers optimizer ids, e.g. sgd, momentum, rmsprop, adam
     * @param runs the folder for the entrants' runs (e.g. {@code RUNS/}{@link #folderName})
     * @param runner trains each entrant (one at a time)
     * @param progress told of progress
     * @return the run directories, in the order of {@code optimizers} (fewer when the runner was cancelled)
     * @throws InvalidExperimentException if the experiment or an entrant is invalid (before any training)
     * @throws IOException if a run cannot be written
     */
    public List<Path> run(Path file, List<String> optimizers, Path runs, ExperimentRunner runner,
            ExperimentRunner.Progress progress) throws InvalidExperimentException, IOException {
        ExperimentReader reader = new ExperimentReader(registry);
        CheckedExperiment base = reader.read(file);
        List<CheckedExperiment> entrants = new ArrayList<>();
        for (String optimizer : optimizers) {
            entrants.add(reader.check(file, entrantText(base, optimizer)));
        }
        List<Path> result = new ArrayList<>();
        for (CheckedExperiment entrant : entrants) {
            if (runner.isCancelled()) {
                break; // the race was stopped: no further entrant starts
            }
            Path existing = Sweep.existing(runs, entrant.experiment().name());
            if (existing == null) {
                result.add(runner.run(entrant, runs, progress));
                continue;
            }
            if (!"completed".equals(RunInfo.of(existing).status())) {
                progress.started(existing);
                runner.resume(existing, entrant, progress);
            }
            result.add(existing);
        }
        return result;
    }

    /** The experiment's text with one optimizer for every stack and the run named after it. */
    private String entrantText(CheckedExperiment base, String optimizer) throws InvalidExperimentException {
        OptimizerFactory factory = registry.find(OptimizerFactory.class, optimizer).orElseThrow(() ->
                new InvalidExperimentException(List.of(new ExperimentProblem(base.experiment().file().toString(), 1, 1,
                        "optimizer", UnknownContributionException.of(registry, "optimizer", optimizer,
                                OptimizerFactory.class).getMessage() + " (in --optimizers)"))));
        Map<String, Object> tree = new LinkedHashMap<>();
        ((Map<?, ?>) new Yaml().load(base.experiment().text())).forEach((k, v) -> tree.put(String.valueOf(k), v));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("id", optimizer);
        Experiment.Choice given = base.experiment().optimizers().values().iterator().next();
        // carried under the entrant's own spelling (beta1 given, beta_1 declared: ParameterSchema's convention)
        given.parameters().forEach((name, value) -> factory.schema().spec(name)
                .ifPresent(spec -> parameters.put(spec.name(), value)));
        tree.remove("optimizers");
        tree.put("optimizer", parameters);
        tree.put("name", base.experiment().name() + "-" + optimizer);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return "# " + base.experiment().name() + ", optimizer race entrant: " + optimizer + "\n" + new Yaml(options).dump(tree);
    }

    /**
     * Writes the entrants' metrics side by side, in long format.
     *
     * @param runs the race's run directories
     * @param file the CSV to write: run, step, metric, value
     * @throws IOException if a file cannot be read or written
     */
    public static void writeMetrics(List<Path> runs, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("run,step,metric,value\n");
        for (Path run : runs) {
            for (MetricsTail.Point point : new MetricsTail(run).next()) {
                csv.append(run.getFileName()).append(',').append(point.step()).append(',').append(point.name()).append(',')
                        .append(point.value()).append('\n');
            }
        }
        AtomicFile.writeString(file, csv.toString());
    }
}
