package io.latentlab.analyses.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.latentlab.cli.Command;
import io.latentlab.analyses.OnnxNetworks;
import io.latentlab.analyses.RunArrays;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.onnx.OnnxExportException;
import io.latentlab.core.onnx.OnnxGraph;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.RunCommands;
import io.latentlab.runs.RunDirectory;

/**
 * {@code latentlab export RUN_DIR --format npz|onnx}: with npz, the run's test inputs, labels, the
 * model's reconstructions (its images for those inputs) and latent codes as one NumPy
 * {@code .npz}, so that a notebook picks up where the workbench stops; with onnx, each network
 * (or the one {@code --network} names) as an ONNX model for ONNX Runtime, PyTorch or C++.
 */
@Component(service = Command.class)
public final class ExportCommand implements Command {

    @Reference
    private ContributionRegistry registry;

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "export RUN_DIR --format npz|onnx [--network NAME] [--out PATH]: npz: the test inputs, labels,"
                + " reconstructions and latent codes as a NumPy .npz (default RUN_DIR/export.npz); onnx: each network (or"
                + " NAME) as an ONNX model (default RUN_DIR/onnx/NAME.onnx)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        String format = null;
        String file = null;
        String network = null;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (List.of("--format", "--out", "--network").contains(argument) && i + 1 < arguments.size()) {
                String value = arguments.get(++i);
                switch (argument) {
                    case "--format" -> format = value;
                    case "--out" -> file = value;
                    default -> network = value;
                }
            } else if (argument.startsWith("--")) {
                err.println("latentlab export: unknown option " + argument + "; usage: latentlab " + summary());
                return RunCommands.INVALID;
            } else {
                positional.add(argument);
            }
        }
        if (positional.size() != 1 || format == null) {
            err.println("usage: latentlab " + summary());
            return RunCommands.INVALID;
        }
        if (!"npz".equals(format) && !"onnx".equals(format)) {
            err.println("latentlab export: --format " + format + " is not one this writes; formats: npz, onnx");
            return RunCommands.INVALID;
        }
        if (network != null && !"onnx".equals(format)) {
            err.println("latentlab export: --network chooses one network of an ONNX export; npz holds the whole model's"
                    + " outputs");
            return RunCommands.INVALID;
        }
        Path directory = RunCommands.runDirectory("export", positional.get(0), true, err);
        if (directory == null) {
            return RunCommands.INVALID;
        }
        if ("onnx".equals(format)) {
            String chosen = network;
            Path destination = file == null ? null : Path.of(file).toAbsolutePath();
            int[] refused = {0};
            int exit = RunCommands.runWithProgress(registry, out, err, (runner, progress) -> {
                CheckedExperiment checked = RunDirectory.experiment(new ExperimentReader(registry), directory);
                List<Path> written;
                try {
                    written = OnnxNetworks.write(runner.load(directory, checked), directory, checked.model().id(), chosen,
                            destination);
                } catch (OnnxExportException | IllegalArgumentException e) {
                    // a layer without an ONNX mapping, or no such network: nothing was written
                    err.println("latentlab export: " + e.getMessage());
                    refused[0] = RunCommands.INVALID;
                    return;
                }
                out.println("Wrote " + written.size() + " ONNX model" + (written.size() == 1 ? "" : "s") + " (opset "
                        + OnnxGraph.OPSET + ", evaluation mode, inputs and outputs batch first):");
                written.forEach(path -> out.println("  " + path));
            });
            return exit != 0 ? exit : refused[0];
        }
        Path target = file == null ? directory.resolve("export.npz") : Path.of(file).toAbsolutePath();
        return RunCommands.runWithProgress(registry, out, err, (runner, progress) -> {
            CheckedExperiment checked = RunDirectory.experiment(new ExperimentReader(registry), directory);
            Map<String, long[]> written = RunArrays.writeNpz(runner.load(directory, checked), target);
            out.println("Wrote " + target + ":");
            written.forEach((name, shape) -> out.println("  " + name + " " + Arrays.toString(shape) + " float32"));
        });
    }
}
