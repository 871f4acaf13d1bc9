package io.latentlab.ui.runs.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Shell;

import io.latentlab.analyses.OnnxNetworks;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.NodeInfo;
import io.latentlab.engine.Network;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunDirectory;

/**
 * <i>Export Network as ONNX...</i>: reads the run off the UI thread, asks which networks and where
 * ({@link ExportOnnxDialog}), and writes them in a job with what {@code latentlab export --format
 * onnx} runs ({@link OnnxNetworks}). A network that cannot be exported (a plugin layer without an
 * ONNX mapping) is reported with the layer and its bundle, and nothing is written.
 */
final class OnnxExportFlow {

    private static final String TITLE = "Export Network as ONNX";

    private OnnxExportFlow() {
    }

    /**
     * @param shell the workbench window's shell
     * @param run the run directory
     * @param registry the installed contributions
     * @param status where to say what was written (the view's status line)
     */
    static void start(Shell shell, Path run, ContributionRegistry registry, Consumer<String> status) {
        if (!RunExportJobs.checkpointed(shell, run, TITLE)) {
            return;
        }
        Job.create("Reading " + run.getFileName() + " for ONNX export", monitor -> {
            CheckedExperiment checked;
            ExperimentRunner.LoadedRun loaded;
            try {
                checked = RunDirectory.experiment(new ExperimentReader(registry), run);
                loaded = new ExperimentRunner(registry).load(run, checked);
            } catch (Exception e) {
                RunExportJobs.failed(shell, TITLE, "Cannot read " + run.getFileName() + ": " + e.getMessage(), e);
                return Status.OK_STATUS;
            }
            List<ExportOnnxDialog.Offered> offered = new ArrayList<>();
            for (Network network : OnnxNetworks.of(loaded.model())) {
                offered.add(new ExportOnnxDialog.Offered(network.name(), describe(network)));
            }
            String modelId = checked.model().id();
            shell.getDisplay().asyncExec(() -> {
                if (shell.isDisposed()) {
                    return;
                }
                ExportOnnxDialog dialog = new ExportOnnxDialog(shell, run.getFileName().toString(), offered,
                        run.resolve("onnx"));
                dialog.open();
                dialog.choice().ifPresent(choice -> write(shell, run, loaded, modelId, choice, status));
            });
            return Status.OK_STATUS;
        }).schedule();
    }

    private static void write(Shell shell, Path run, ExperimentRunner.LoadedRun loaded, String modelId,
            ExportOnnxDialog.Choice choice, Consumer<String> status) {
        Job.create("Writing ONNX models of " + run.getFileName(), monitor -> {
            try {
                List<Path> written = OnnxNetworks.writeInto(loaded, run, modelId, choice.networks(), choice.folder());
                String message = "Wrote " + written.stream().map(p -> p.getFileName().toString())
                        .collect(Collectors.joining(", ")) + " to " + choice.folder();
                ILog.of(OnnxExportFlow.class).info(message);
                shell.getDisplay().asyncExec(() -> status.accept(message));
            } catch (Exception e) {
                RunExportJobs.failed(shell, TITLE, e.getMessage(), e);
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    /** e.g. {@code input [1, 28, 28] -> mu [20], log_var [20]} */
    private static String describe(Network network) {
        Map<String, Shape> outputs = new java.util.LinkedHashMap<>();
        for (NodeInfo node : network.nodes()) {
            if (network.outputs().contains(node.name())) {
                outputs.put(node.name(), node.outputShape());
            }
        }
        return network.inputShapes().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + "  \u2192  " + outputs.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
