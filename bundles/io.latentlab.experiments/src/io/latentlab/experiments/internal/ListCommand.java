package io.latentlab.experiments.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;

import io.latentlab.cli.Command;
import io.latentlab.experiments.RunDirectory;

/** {@code latentlab list [DIR]}: the runs under DIR (default runs) with status and headline metric. */
@Component(service = Command.class)
public final class ListCommand implements Command {

    private static final Pattern HEADLINE = Pattern.compile("\"headline_metric\": \"([^\"]+)\"");

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String summary() {
        return "list [DIR]: the runs under DIR (default runs) with status and headline metric";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Path runs = Path.of(arguments.isEmpty() ? "runs" : arguments.get(0));
        if (!Files.isDirectory(runs)) {
            err.println("latentlab list: no runs folder " + runs.toAbsolutePath().normalize());
            return TrainingCommands.INVALID;
        }
        try (Stream<Path> children = Files.list(runs)) {
            List<Path> directories = children.filter(p -> Files.isRegularFile(p.resolve(RunDirectory.SNAPSHOT))).sorted().toList();
            out.printf("%-48s %-10s %s%n", "run", "status", "headline");
            for (Path run : directories) {
                out.printf("%-48s %-10s %s%n", run.getFileName(), status(run), headline(run));
            }
            return 0;
        } catch (IOException e) {
            err.println("latentlab list: cannot read " + runs + ": " + e.getMessage());
            return 1;
        }
    }

    private static String status(Path run) throws IOException {
        Path file = run.resolve(RunDirectory.STATUS);
        return Files.isRegularFile(file) ? Files.readAllLines(file).get(0) : "unknown";
    }

    private static String headline(Path run) throws IOException {
        Path file = run.resolve(RunDirectory.SUMMARY);
        if (!Files.isRegularFile(file)) {
            return "";
        }
        String summary = Files.readString(file);
        Matcher name = HEADLINE.matcher(summary);
        if (!name.find()) {
            return "";
        }
        Matcher value = Pattern.compile("\"" + Pattern.quote(name.group(1)) + "\": ([-0-9.eE]+)").matcher(summary);
        return value.find() ? name.group(1) + " " + value.group(1) : name.group(1);
    }
}
