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

/** {@code latentlab branch RUN_DIR --phase N FILE}: a new run from where a phase of another began. */
@Component(service = Command.class)
public final class BranchCommand implements Command {

    @Reference
    private ContributionRegistry registry;

    @Override
    public String name() {
        return "branch";
    }

    @Override
    public String summary() {
        return "branch RUN_DIR --phase N FILE [--runs DIR]: train FILE's settings from the checkpoint where phase N of"
                + " RUN_DIR began (e.g. fine-tuning after pre-training), into a new run";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Path source = null;
        Path file = null;
        Path runs = Path.of("runs");
        Integer phase = null;
        try {
            for (int i = 0; i < arguments.size(); i++) {
                switch (arguments.get(i)) {
                    case "--phase" -> phase = Integer.parseInt(arguments.get(++i));
                    case "--runs" -> runs = Path.of(arguments.get(++i));
                    default -> {
                        if (source == null) {
                            source = Path.of(arguments.get(i));
                        } else if (file == null) {
                            file = Path.of(arguments.get(i));
                        } else {
                            throw new IllegalArgumentException("unexpected " + arguments.get(i));
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            source = null;
        }
        if (source == null || file == null || phase == null) {
            err.println("usage: latentlab " + summary());
            return RunCommands.INVALID;
        }
        if (RunCommands.runDirectory("branch", source.toString(), false, err) == null) {
            return RunCommands.INVALID;
        }
        Path from = source;
        Path experiment = file;
        Path folder = runs;
        int at = phase;
        return RunCommands.runWithProgress(registry, out, err, (runner, progress) -> {
            CheckedExperiment checked = new ExperimentReader(registry).read(experiment);
            Path run = runner.branch(from, at, checked, folder, progress);
            out.println("Run directory: " + run.toAbsolutePath().normalize());
        });
    }
}
