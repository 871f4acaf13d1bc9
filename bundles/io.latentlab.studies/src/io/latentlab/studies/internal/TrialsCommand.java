package io.latentlab.studies.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.latentlab.cli.Command;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.runs.Json;
import io.latentlab.runs.RunCommands;
import io.latentlab.studies.OptimizerRace;
import io.latentlab.studies.Sweep;

/**
 * {@code latentlab trials FILE [--optimizers a,b]}: the trials of an experiment's sweep (or the entrants
 * of its race) as JSON, expanded by the product itself, so that a cluster driver schedules exactly
 * what a local sweep or race would train.
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
        return "trials FILE [--optimizers a,b]: the trials of the experiment's sweep: block as JSON (name, folder, values),"
                + " as latentlab sweep trains them; with --optimizers, the race's entrants as latentlab race trains them"
                + " (for cluster drivers)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        boolean race = arguments.size() == 3 && arguments.get(1).equals("--optimizers");
        if (arguments.size() != 1 && !race) {
            err.println("usage: latentlab " + summary());
            return RunCommands.INVALID;
        }
        Path file = Path.of(arguments.get(0));
        return RunCommands.runWithProgress(registry, out, err, (runner, progress) -> {
            List<Map<String, Object>> trials = new ArrayList<>();
            if (race) {
                for (String optimizer : arguments.get(2).split(",")) {
                    if (!optimizer.isBlank()) {
                        trials.add(trial(optimizer.strip(), OptimizerRace.folderName(file), Map.of("optimizer",
                                optimizer.strip())));
                    }
                }
            } else {
                for (Sweep.Trial trial : new Sweep(registry).trials(file)) {
                    trials.add(trial(trial.name(), Sweep.folderName(file), trial.values()));
                }
            }
            out.println(Json.write(trials));
        });
    }

    private static Map<String, Object> trial(String name, String folder, Map<String, Object> values) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("folder", folder);
        json.put("values", values);
        return json;
    }
}
