package io.latentlab.analyses.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.latentlab.cli.Command;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.ImageGrid;
import io.latentlab.runs.RunCommands;
import io.latentlab.runs.RunDirectory;

/**
 * {@code latentlab sample RUN_DIR [--n N] [--out FILE]}: the model's images for N test
 * examples (reconstructions for autoencoders), each below its input, as a PNG grid.
 */
@Component(service = Command.class)
public final class SampleCommand implements Command {

    @Reference
    private ContributionRegistry registry;

    @Override
    public String name() {
        return "sample";
    }

    @Override
    public String summary() {
        return "sample RUN_DIR [--n 64] [--out grid.png] [--prior]: the model's images for N test examples, below"
                + " their inputs; with --prior, N images decoded from the prior (VAE, GAN, VQ-VAE)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        boolean prior = arguments.contains("--prior");
        arguments = arguments.stream().filter(a -> !"--prior".equals(a)).toList();
        if (arguments.isEmpty() || arguments.size() % 2 == 0) {
            err.println("usage: latentlab " + summary());
            return RunCommands.INVALID;
        }
        int count = 64;
        Path file = Path.of("grid.png");
        for (int i = 1; i + 1 < arguments.size(); i += 2) {
            switch (arguments.get(i)) {
                case "--n" -> {
                    Integer parsed = RunCommands.wholeNumber("sample", "--n", arguments.get(i + 1), 1, 4096, err);
                    if (parsed == null) {
                        return RunCommands.INVALID;
                    }
                    count = parsed;
                }
                case "--out" -> file = Path.of(arguments.get(i + 1));
                default -> {
                    err.println("latentlab sample: unknown option " + arguments.get(i) + "; usage: latentlab " + summary());
                    return RunCommands.INVALID;
                }
            }
        }
        Path directory = RunCommands.runDirectory("sample", arguments.get(0), true, err);
        if (directory == null) {
            return RunCommands.INVALID;
        }
        int n = count;
        Path target = file;
        return RunCommands.runWithProgress(registry, out, err, (runner, progress) -> {
            CheckedExperiment checked = RunDirectory.experiment(new ExperimentReader(registry), directory);
            ExperimentRunner.LoadedRun loaded = runner.load(directory, checked);
            if (prior) {
                ImageGrid.write(loaded.model().generate(n, checked.experiment().seed()), 8, target);
                out.println("Wrote " + target.toAbsolutePath().normalize() + " (" + n + " images from the prior)");
                return;
            }
            INDArray inputs = loaded.dataset().testFeatures()
                    .get(NDArrayIndex.interval(0, Math.min(n, loaded.dataset().testFeatures().size(0))));
            INDArray labels = loaded.dataset().testLabels() == null ? null
                    : loaded.dataset().testLabels().get(NDArrayIndex.interval(0, inputs.size(0)));
            ImageGrid.writeBands(loaded.model().illustrate(inputs, labels), 8, target);
            out.println("Wrote " + target.toAbsolutePath().normalize() + " (" + inputs.size(0) + " inputs and their samples)");
        });
    }
}
