package io.latentlab.studies.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.latentlab.cli.Command;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.RunCommands;
import io.latentlab.studies.ModelBenchmark;

/** {@code latentlab benchmark PLAN}: trains every row's experiment and prints the table of figures against targets. */
@Component(service = Command.class)
public final class BenchmarkCommand implements Command {

    @Reference
    private ContributionRegistry registry;

    @Override
    public String name() {
        return "benchmark";
    }

    @Override
    public String summary() {
        return "benchmark PLAN [--only TEXT|TEXT...] [--skip TEXT|TEXT...] [--runs DIR] [--out FILE]: train each row of a benchmark plan (e.g."
                + " benchmarks/models/plan.yaml) and print value, target, pass/fail, time; JSON under bench-results/";
    }

    /** @return whether the name contains one of the {@code |}-separated parts */
    private static boolean matches(String name, String alternatives) {
        return Arrays.stream(alternatives.split("\\|")).anyMatch(name::contains);
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.isEmpty()) {
            err.println("usage: latentlab " + summary());
            return RunCommands.INVALID;
        }
        String only = null;
        String skip = null;
        Path runs = Path.of("runs", "benchmark");
        Path file = Path.of("bench-results", "models-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        for (int i = 1; i < arguments.size(); i++) {
            String option = arguments.get(i);
            if (i + 1 >= arguments.size() || !List.of("--only", "--skip", "--runs", "--out").contains(option)) {
                err.println("latentlab benchmark: unknown or incomplete option " + option + "; usage: latentlab " + summary());
                return RunCommands.INVALID;
            }
            String value = arguments.get(++i);
            switch (option) {
                case "--only" -> only = value;
                case "--skip" -> skip = value;
                case "--runs" -> runs = Path.of(value);
                default -> file = Path.of(value);
            }
        }
        Path plan = Path.of(arguments.get(0));
        String filter = only;
        String excluded = skip;
        Path runDirectory = runs;
        Path json = file;
        return RunCommands.runWithProgress(registry, out, err, (runner, progress) -> {
            List<ModelBenchmark.Row> rows = ModelBenchmark.read(plan).stream()
                    .filter(row -> filter == null || matches(row.name(), filter))
                    .filter(row -> excluded == null || !matches(row.name(), excluded)).toList();
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("no row of " + plan + " is left after --only/--skip");
            }
            ModelBenchmark benchmark = new ModelBenchmark(runner, new ExperimentReader(registry), runDirectory);
            List<ModelBenchmark.Result> results = benchmark.run(rows, progress,
                    result -> ModelBenchmark.table(List.of(result)).lines().skip(1).forEach(out::println));
            out.println();
            out.print(ModelBenchmark.table(results));
            ModelBenchmark.writeJson(results, json);
            out.println("Wrote " + json.toAbsolutePath().normalize());
        });
    }
}
