package io.latentlab.analyses.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.latentlab.analyses.RunAnalyses;
import io.latentlab.cli.Command;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunCommands;
import io.latentlab.runs.RunDirectory;

/**
 * {@code latentlab anomaly RUN_DIR --normal LABEL}: scores every test example with the model's
 * anomaly score (an autoencoder's reconstruction error) and reports the ROC AUC of telling the
 * other labels from the normal one; writes anomaly.json.
 */
@Component(service = Command.class)
public final class AnomalyCommand implements Command {

    @Reference
    private ContributionRegistry registry;

    @Override
    public String name() {
        return "anomaly";
    }

    @Override
    public String summary() {
        return "anomaly RUN_DIR --normal LABEL: ROC AUC of the model's anomaly scores, normal label vs the rest";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.size() != 3 || !"--normal".equals(arguments.get(1))) {
            err.println("usage: latentlab " + summary());
            return RunCommands.INVALID;
        }
        Path directory = RunCommands.runDirectory("anomaly", arguments.get(0), true, err);
        if (directory == null) {
            return RunCommands.INVALID;
        }
        int normal;
        try {
            normal = Integer.parseInt(arguments.get(2));
        } catch (NumberFormatException e) {
            err.println("latentlab anomaly: --normal takes a class label (a whole number), not '" + arguments.get(2) + "'");
            return RunCommands.INVALID;
        }
        return RunCommands.runWithProgress(registry, out, err, (runner, progress) -> {
            CheckedExperiment checked = RunDirectory.experiment(new ExperimentReader(registry), directory);
            ExperimentRunner.LoadedRun loaded = runner.load(directory, checked);
            double auc = RunAnalyses.anomalyAuc(loaded, normal);
            long examples = loaded.dataset().testFeatures().size(0);
            out.printf(Locale.ROOT, "ROC AUC %.4f (label %d normal, every other label anomalous; %d test examples)%n", auc,
                    normal, examples);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("normal_label", normal);
            result.put("roc_auc", auc);
            result.put("examples", examples);
            RunDirectory.writeJson(directory, "anomaly.json", result);
        });
    }
}
