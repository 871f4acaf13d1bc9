package io.latentlab.runs.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.latentlab.cli.Command;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunCommands;
import io.latentlab.runs.RunDirectory;

/** {@code latentlab eval RUN_DIR}: evaluates a run's last checkpoint on its test set and writes eval.json. */
@Component(service = Command.class)
public final class EvalCommand implements Command {

    @Reference
    private ContributionRegistry registry;

    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String summary() {
        return "eval RUN_DIR: evaluate the run's last checkpoint on its test set (writes eval.json)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.size() != 1) {
            err.println("usage: latentlab " + summary());
            return RunCommands.INVALID;
        }
        Path directory = RunCommands.runDirectory("eval", arguments.get(0), true, err);
        if (directory == null) {
            return RunCommands.INVALID;
        }
        return RunCommands.runWithProgress(registry, out, err, (runner, progress) -> {
            CheckedExperiment checked = RunDirectory.experiment(new ExperimentReader(registry), directory);
            ExperimentRunner.LoadedRun loaded = runner.load(directory, checked);
            Map<String, Double> metrics = loaded.model().evaluate(loaded.dataset().testFeatures(),
                    loaded.dataset().testLabels());
            metrics.forEach((name, value) -> out.printf(Locale.ROOT, "%-16s %.6f%n", name, value));
            RunDirectory.writeJson(directory, "eval.json", metrics);
        });
    }
}
