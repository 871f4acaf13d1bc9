package io.latentlab.runs.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;

import io.latentlab.cli.Command;
import io.latentlab.runs.RunCommands;
import io.latentlab.runs.RunInfo;

/** {@code latentlab list [DIR]}: the runs under DIR (default runs) with status and headline metric. */
@Component(service = Command.class)
public final class ListCommand implements Command {

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String summary() {
        return "list [DIR]: the runs under DIR (default runs) with status, headline metric and description";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Path runs = Path.of(arguments.isEmpty() ? "runs" : arguments.get(0));
        if (!Files.isDirectory(runs)) {
            err.println("latentlab list: no runs folder " + runs.toAbsolutePath().normalize());
            return RunCommands.INVALID;
        }
        try {
            out.printf("%-48s %-10s %-22s %-32s %s%n", "run", "status", "model", "headline", "description");
            for (RunInfo run : RunInfo.list(runs)) {
                out.printf(Locale.ROOT, "%-48s %-10s %-22s %-32s %s%n", run.name(), run.status(), run.model(),
                        run.headlineMetric().isEmpty() ? "" : run.headlineMetric() + " " + run.headlineValue(),
                        run.description());
            }
            return 0;
        } catch (IOException e) {
            err.println("latentlab list: cannot read " + runs + ": " + e.getMessage());
            return 1;
        }
    }
}
