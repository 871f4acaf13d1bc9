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
        return "race FILE --optimizers sgd,momentum,rmsprop,adam [--runs DIR] [--entrant ID]: train the experiment once per"
                + " optimizer from the same initial weights and minibatch order into DIR/race-<name>/ (completed entrants"
                + " kept, stopped ones resumed); writes DIR/race-<name>.csv (run, step, metric, value) (--entrant: only"
                + " that optimizer's entrant, e.g. a cluster task's)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Path runs = Path.of("runs");
        List<String> optimizers = null;
        String entrant = null;
        boolean valid = !arguments.isEmpty() && arguments.size() % 2 == 1;
        for (int i = 1; i + 1 < arguments.size(); i += 2) {
            switch (arguments.get(i)) {
                case "--optimizers" -> optimizers = Arrays.stream(arguments.get(i + 1).split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
                case "--runs" -> runs = Path.of(arguments.get(i + 1));
                case "--entrant" -> entrant = arguments.get(i + 1);
                default -> valid = false;
            }
        }
        if (!valid || optimizers == null || optimizers.isEmpty()) {
            err.println("usage: latentlab " + summary());
            return RunCommands.INVALID;
        }
        if (entrant != null && !optimizers.contains(entrant)) {
            err.println("latentlab race: --entrant " + entrant + " is not one of --optimizers " + String.join(",", optimizers));
            return RunCommands.INVALID;
        }
        Path file = Path.of(arguments.get(0));
        Path folder = runs.resolve(OptimizerRace.folderName(file));
        List<String> entrants = optimizers;
        String only = entrant;
        return RunCommands.runWithProgress(registry, out, err, (runner, progress) -> {
            OptimizerRace race = new OptimizerRace(registry);
            if (only != null) {
                // a cluster task's entrant: an earlier attempt's process may still be writing its checkpoint
                Path run = WhenRunFree.train(() -> race.run(file, List.of(only), folder, runner, progress)).stream()
                        .findFirst().orElse(null);
                out.println("Run directory: " + (run == null ? "none (cancelled)"
                        : run.toAbsolutePath().normalize() + " (" + RunInfo.of(run).status() + ")"));
                return;
            }
            List<Path> raced = race.run(file, entrants, folder, runner, progress);
            Path csv = folder.resolveSibling(OptimizerRace.folderName(file) + ".csv");
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
