package io.latentlab.studies.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.latentlab.cli.Command;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.runs.RunCommands;
import io.latentlab.studies.SeedGroup;
import io.latentlab.studies.Sweep;

/**
 * {@code latentlab train FILE [--runs DIR]}: trains an experiment into a new run directory, or, for
 * an experiment with {@code seeds:} or {@code repeat:}, one run per seed in a group folder, then the
 * group's mean and standard deviation of each test metric.
 */
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
        return "train FILE.experiment.yaml [--runs DIR]: run an experiment into DIR/<timestamp>-<name> (DIR: runs);"
                + " with seeds: or repeat:, one run per seed into DIR/seeds-<name>/ and the mean +/- std";
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
            if (!checked.experiment().isSeedGroup()) {
                Path run = runner.run(checked, runs, progress);
                out.println("Run directory: " + run.toAbsolutePath().normalize());
                return;
            }
            Sweep sweep = new Sweep(registry);
            runner.whenCancelled(sweep::cancel); // Ctrl-C stops every run of the group after its current step
            List<Long> seeds = checked.experiment().seeds();
            out.println(seeds.size() + " runs, seeds " + seeds + ", " + SeedGroup.workers(seeds.size()) + " at a time");
            List<Path> members = SeedGroup.train(sweep, checked, runs, progress).stream().filter(Objects::nonNull).toList();
            out.println("Group directory: " + SeedGroup.folder(runs, checked.experiment().name()).toAbsolutePath()
                    .normalize());
            for (SeedGroup.Statistic statistic : SeedGroup.statistics(members)) {
                // +/- rather than a sign a console's encoding may not have
                out.printf(Locale.ROOT, "%-24s %.5g +/- %.2g  (mean +/- std over %d runs)%n", statistic.metric(),
                        statistic.mean(), statistic.std(), statistic.runs());
            }
        });
    }
}
