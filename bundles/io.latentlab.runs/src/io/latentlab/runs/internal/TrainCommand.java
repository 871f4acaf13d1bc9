package io.latentlab.runs.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.latentlab.cli.Command;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.runs.RunCommands;

/** {@code latentlab train FILE [--runs DIR]}: trains an experiment into a new run directory. */
@Component(service = Command.class)
public final class TrainCommand implements Command {

    @Reference
    private ContributionRegistry registry;

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train FILE.experiment.yaml [--runs DIR]: run an experiment into DIR/<timestamp>-<name> (DIR: runs)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.isEmpty() || arguments.size() == 2 || (arguments.size() == 3 && !"--runs".equals(arguments.get(1)))
                || arguments.size() > 3) {
            err.println("usage: latentlab " + summary());
            return RunCommands.INVALID;
        }
        Path runs = Path.of(arguments.size() == 3 ? arguments.get(2) : "runs");
        return RunCommands.runWithProgress(registry, out, err, (runner, progress) -> {
            CheckedExperiment checked = RunCommands.read(registry, Path.of(arguments.get(0)));
            out.println("Training " + checked.experiment().name() + " (" + checked.model().id() + " on "
                    + checked.dataset().id() + ")");
            Path run = runner.run(checked, runs, progress);
            out.println("Run directory: " + run.toAbsolutePath().normalize());
        });
    }
}
