package io.latentlab.studies.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.latentlab.cli.Command;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.experiments.ExperimentProblem;
import io.latentlab.experiments.InvalidExperimentException;
import io.latentlab.runs.RunCommands;
import io.latentlab.studies.Sweep;

/** {@code latentlab sweep FILE}: the experiment's {@code sweep:} block, trial by trial, in parallel. */
@Component(service = Command.class)
public final class SweepCommand implements Command {

    @Reference
    private ContributionRegistry registry;

    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public String summary() {
        return "sweep FILE [--workers 2] [--runs DIR] [--trial NAME]: run the trials of the experiment's sweep: block (grid"
                + " or random) into DIR/sweep-<name>/, skipping completed trials; writes sweep.csv (--trial: only that"
                + " trial, e.g. a cluster task's)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Path runs = Path.of("runs");
        int workers = 2;
        String only = null;
        if (arguments.isEmpty() || arguments.size() % 2 == 0) {
            err.println("usage: latentlab " + summary());
            return RunCommands.INVALID;
        }
        for (int i = 1; i + 1 < arguments.size(); i += 2) {
            try {
                switch (arguments.get(i)) {
                    case "--workers" -> workers = Integer.parseInt(arguments.get(i + 1));
                    case "--runs" -> runs = Path.of(arguments.get(i + 1));
                    case "--trial" -> only = arguments.get(i + 1);
                    default -> throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                err.println("latentlab sweep: bad option " + arguments.get(i) + " " + arguments.get(i + 1) + "; usage: latentlab "
                        + summary());
                return RunCommands.INVALID;
            }
        }
        Path file = Path.of(arguments.get(0));
        Path folder = runs;
        int parallel = workers;
        String trialName = only;
        return RunCommands.runWithProgress(registry, out, err, (runner, progress) -> {
            Sweep sweep = new Sweep(registry);
            runner.whenCancelled(sweep::cancel); // Ctrl-C stops every trial after its current step
            List<Sweep.Trial> trials = sweep.trials(file);
            Path sweepFolder = folder.resolve(Sweep.folderName(file));
            if (trialName != null) {
                Sweep.Trial trial = trials.stream().filter(t -> t.name().equals(trialName)).findFirst()
                        .orElseThrow(() -> new InvalidExperimentException(List.of(new ExperimentProblem(file.toString(), 1, 1,
                                "sweep", "the sweep has no trial " + trialName + "; its trials: "
                                + String.join(", ", trials.stream().map(Sweep.Trial::name).toList())))));
                // a cluster task's trial: an earlier attempt's process may still be writing its checkpoint
                Sweep.Outcome outcome = WhenRunFree.train(() -> sweep.run(file, List.of(trial), sweepFolder, 1, progress)
                        .get(0));
                out.println("Run directory: " + (outcome.run() == null ? "none (cancelled)"
                        : outcome.run().toAbsolutePath().normalize() + " (" + outcome.info().status() + ")"));
                return;
            }
            out.println(trials.size() + " trials, " + parallel + " at a time, into " + sweepFolder.toAbsolutePath().normalize());
            List<Sweep.Outcome> outcomes = sweep.run(file, trials, sweepFolder, parallel, progress);
            Sweep.writeTable(outcomes, sweepFolder.resolve("sweep.csv"));
            out.println();
            for (Sweep.Outcome outcome : outcomes.stream().filter(o -> o.run() != null)
                    .sorted(Comparator.comparingDouble(o -> o.info().headlineValue())).toList()) {
                out.printf(Locale.ROOT, "%-32s %-10s %s %.5g  %s%n", outcome.trial().name(), outcome.info().status(),
                        outcome.info().headlineMetric(), outcome.info().headlineValue(), outcome.trial().values());
            }
            out.println("Wrote " + sweepFolder.resolve("sweep.csv").toAbsolutePath().normalize());
        });
    }
}
