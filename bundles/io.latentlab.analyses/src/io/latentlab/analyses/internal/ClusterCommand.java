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
 * {@code latentlab cluster RUN_DIR [--k K]}: k-means on the test set's latent codes, scored
 * against the labels by accuracy (best one-to-one matching) and NMI; writes cluster.json.
 */
@Component(service = Command.class)
public final class ClusterCommand implements Command {

    @Reference
    private ContributionRegistry registry;

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public String summary() {
        return "cluster RUN_DIR [--k 10]: k-means on the test set's latent codes; accuracy and NMI against the labels";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (!(arguments.size() == 1 || (arguments.size() == 3 && "--k".equals(arguments.get(1))))) {
            err.println("usage: latentlab " + summary());
            return RunCommands.INVALID;
        }
        Integer parsedK = arguments.size() == 3 ? RunCommands.wholeNumber("cluster", "--k", arguments.get(2), 2, 20, err)
                : Integer.valueOf(10);
        Path directory = parsedK == null ? null : RunCommands.runDirectory("cluster", arguments.get(0), true, err);
        if (directory == null) {
            return RunCommands.INVALID;
        }
        int k = parsedK;
        return RunCommands.runWithProgress(registry, out, err, (runner, progress) -> {
            CheckedExperiment checked = RunDirectory.experiment(new ExperimentReader(registry), directory);
            ExperimentRunner.LoadedRun loaded = runner.load(directory, checked);
            RunAnalyses.Clusters clusters = RunAnalyses.clusters(loaded, k, checked.experiment().seed());
            double accuracy = clusters.accuracy();
            double nmi = clusters.nmi();
            out.printf(Locale.ROOT, "k-means (k=%d) on %d latent codes of size %d: accuracy %.4f, NMI %.4f%n", k,
                    clusters.examples(), clusters.codeSize(), accuracy, nmi);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("k", k);
            result.put("accuracy", accuracy);
            result.put("nmi", nmi);
            result.put("examples", clusters.examples());
            RunDirectory.writeJson(directory, "cluster.json", result);
        });
    }
}
