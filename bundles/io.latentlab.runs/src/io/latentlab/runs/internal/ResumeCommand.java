package io.latentlab.runs.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.latentlab.cli.Command;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.RunCommands;
import io.latentlab.runs.RunDirectory;

/** {@code latentlab resume RUN_DIR}: continues a stopped run from its last checkpoint. */
@Component(service = Command.class)
public final class ResumeCommand implements Command {

    @Reference
    private ContributionRegistry registry;

    @Override
    public String name() {
        return "resume";
    }

    @Override
    public String summary() {
        return "resume RUN_DIR: continue a stopped run from its last checkpoint";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.size() != 1) {
            err.println("usage: latentlab " + summary());
            return RunCommands.INVALID;
        }
        Path run = RunCommands.runDirectory("resume", arguments.get(0), true, err);
        if (run == null) {
            return RunCommands.INVALID;
        }
        return RunCommands.runWithProgress(registry, out, err, (runner, progress) -> {
            CheckedExperiment checked = RunDirectory.experiment(new ExperimentReader(registry), run);
            runner.resume(run, checked, progress);
            out.println("Run directory: " + run.toAbsolutePath().normalize());
        });
    }
}
