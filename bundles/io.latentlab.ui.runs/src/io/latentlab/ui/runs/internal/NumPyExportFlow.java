package io.latentlab.ui.runs.internal;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Shell;

import io.latentlab.analyses.RunArrays;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunDirectory;

/**
 * <i>Export Test Arrays as NumPy</i>: the run's test inputs, labels, reconstructions and codes into
 * {@code RUN/export.npz} in a job, as {@code latentlab export RUN --format npz} writes them.
 */
final class NumPyExportFlow {

    private static final String TITLE = "Export Test Arrays as NumPy";

    private NumPyExportFlow() {
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
        Path target = run.resolve("export.npz");
        Job.create("Writing " + target, monitor -> {
            try {
                ExperimentRunner.LoadedRun loaded = new ExperimentRunner(registry).load(run,
                        RunDirectory.experiment(new ExperimentReader(registry), run));
                String arrays = String.join(", ", RunArrays.writeNpz(loaded, target).keySet());
                shell.getDisplay().asyncExec(() -> status.accept("Wrote " + arrays + " to " + target));
            } catch (Exception e) {
                RunExportJobs.failed(shell, TITLE, "Cannot export " + run.getFileName() + ": " + e.getMessage(), e);
            }
            return Status.OK_STATUS;
        }).schedule();
    }
}
