package io.latentlab.ui.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.experiments.InvalidExperimentException;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.studies.OptimizerRace;

/**
 * An optimizer race in the background, with the same {@link OptimizerRace} as {@code latentlab
 * race}: identical initial weights and minibatch order, one entrant after the other. The
 * comparison follows it live: it is reopened with every entrant that starts, so the curves
 * overlay as they grow. Cancel stops the current entrant after its step (checkpoint kept) and
 * starts no other.
 * <pre>{@code
 * new RaceJob(file, List.of("sgd", "adam"), registry).schedule();
 * }</pre>
 */
public final class RaceJob extends Job {

    private static final String BUNDLE = "io.latentlab.ui.runs";
    private static final int TICKS_PER_ENTRANT = 100;

    private final Path experiment;
    private final List<String> optimizers;
    private final ContributionRegistry registry;
    private volatile ExperimentRunner runner;
    private final List<Path> started = new ArrayList<>();
    private IEditorPart comparison;

    /**
     * @param experiment the experiment file
     * @param optimizers the entrants' optimizer ids
     * @param registry the installed contributions
     */
    public RaceJob(Path experiment, List<String> optimizers, ContributionRegistry registry) {
        super("Optimizer race " + experiment.getFileName() + ": " + String.join(", ", optimizers));
        this.experiment = experiment;
        this.optimizers = List.copyOf(optimizers);
        this.registry = registry;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), optimizers.size() * TICKS_PER_ENTRANT);
        ExperimentRunner current = new ExperimentRunner(registry);
        runner = current;
        ExperimentRunner.Progress progress = new MonitorProgress(monitor, TICKS_PER_ENTRANT, this::entrantStarted);
        try {
            RunsPreferences.applyThreads();
            new OptimizerRace(registry).run(experiment, optimizers,
                    RunsPreferences.runsFolder().resolve(OptimizerRace.folderName(experiment)), current, progress);
            return monitor.isCanceled() ? new Status(IStatus.INFO, BUNDLE, getName() + ": stopped") : Status.OK_STATUS;
        } catch (InvalidExperimentException e) {
            return new Status(IStatus.ERROR, BUNDLE, "The race is not valid:\n" + e.getMessage());
        } catch (Exception | LinkageError e) {
            return new Status(IStatus.ERROR, BUNDLE, getName() + " failed: " + e.getMessage(), e);
        } finally {
            monitor.done();
        }
    }

    /** Replaces the comparison with one over every entrant started so far, this one included. */
    private void entrantStarted(Path run) {
        List<Path> runs;
        synchronized (started) {
            started.add(run);
            runs = List.copyOf(started);
        }
        Display.getDefault().asyncExec(() -> {
            try {
                IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
                IEditorPart previous = comparison;
                comparison = RunViews.compare(page, runs);
                if (previous != null && previous != comparison) {
                    page.closeEditor(previous, false);
                }
            } catch (PartInitException e) {
                ILog.of(RaceJob.class).error("cannot show the race", e);
            }
        });
    }

    @Override
    protected void canceling() {
        ExperimentRunner current = runner;
        if (current != null) {
            current.cancel();
        }
    }
}
