package io.latentlab.studies.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.latentlab.cli.Command;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.runs.RunCommands;
import io.latentlab.runs.RunInfo;
import io.latentlab.studies.OptimizerRace;

/** {@code latentlab race FILE --optimizers a,b,c}: the experiment once per optimizer, from identical starts. */
@Component(service = Command.class)
public final class RaceCommand implements Command {

    @Reference
    private ContributionRegistry registry;

    @Override
    public String name() {
        return "race";
    }

    @Override
    public String summary() {
        return "race FILE --optimizers sgd,momentum,rmsprop,adam [--runs DIR]: train the experiment once per optimizer"
                + " from the same initial weights and minibatch order; writes race-<name>.csv (run, step, metric, value)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Path runs = Path.of("runs");
        List<String> optimizers = null;
        for (int i = 1; i + 1 < arguments.size(); i += 2) {
            switch (arguments.get(i)) {
                case "--optimizers" -> optimizers = Arrays.stream(arguments.get(i + 1).split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
                case "--runs" -> runs = Path.of(arguments.get(i + 1));
                default -> optimizers = null;
            }
        }
        if (arguments.isEmpty() || arguments.size() % 2 == 0 || optimizers == null || optimizers.isEmpty()) {
            err.println("usage: latentlab " + summary());
            return RunCommands.INVALID;
        }
        Path file = Path.of(arguments.get(0));
        Path folder = runs;
        List<String> entrants = optimizers;
        return RunCommands.runWithProgress(registry, out, err, (runner, progress) -> {
            List<Path> raced = new OptimizerRace(registry).run(file, entrants, folder, runner, progress);
            String name = file.getFileName().toString().replace(".experiment.yaml", "");
            Path csv = folder.resolve("race-" + name + ".csv");
            OptimizerRace.writeMetrics(raced, csv);
            out.printf("%-40s %-10s %s%n", "run", "status", "headline");
            for (Path run : raced) {
                RunInfo info = RunInfo.of(run);
                out.printf(Locale.ROOT, "%-40s %-10s %s %.5g%n", info.name(), info.status(), info.headlineMetric(),
                        info.headlineValue());
            }
            out.println("Wrote " + csv.toAbsolutePath().normalize());
        });
    }
}
