package io.latentlab.studies.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.latentlab.cli.Command;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.runs.Json;
import io.latentlab.runs.RunCommands;
import io.latentlab.studies.Sweep;

/**
 * {@code latentlab trials FILE}: the trials of an experiment's sweep as JSON, expanded by the product
 * itself, so that a cluster driver schedules exactly the trials a local sweep would train.
 */
@Component(service = Command.class)
public final class TrialsCommand implements Command {

    @Reference
    private ContributionRegistry registry;

    @Override
    public String name() {
        return "trials";
    }

    @Override
    public String summary() {
        return "trials FILE: the trials of the experiment's sweep: block as JSON (name, folder, values), as latentlab sweep"
                + " trains them (for cluster drivers)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.size() != 1) {
            err.println("usage: latentlab " + summary());
            return RunCommands.INVALID;
        }
        Path file = Path.of(arguments.get(0));
        return RunCommands.runWithProgress(registry, out, err, (runner, progress) -> {
            List<Map<String, Object>> trials = new Sweep(registry).trials(file).stream().map(trial -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("name", trial.name());
                json.put("folder", Sweep.folderName(file));
                json.put("values", trial.values());
                return json;
            }).toList();
            out.println(Json.write(trials));
        });
    }
}
