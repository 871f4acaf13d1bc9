package io.latentlab.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.experiments.InvalidExperimentException;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunDirectory;
import io.latentlab.studies.SeedGroup;
import io.latentlab.studies.Sweep;

/**
 * Trains (or resumes, or branches) an experiment with the same runner as {@code latentlab train},
 * in this JVM, off the UI thread, with progress; the run's editor opens as soon as its folder
 * exists. Cancel stops after the current step with a final checkpoint, so a cancelled run can be
 * resumed.
 * <pre>{@code
 * ExperimentJob.train(file, registry).schedule();
 * }</pre>
 */
public final class ExperimentJob extends Job {

    private static final String BUNDLE = "io.latentlab.ui.runs";
    private static final int TICKS = 1000;

    private final Path experiment;
    private final Path resumed;
    private final ContributionRegistry registry;
    private Path branchSource;
    private int branchPhase;
    private volatile ExperimentRunner runner;

    private ExperimentJob(Path experiment, Path resumed, ContributionRegistry registry) {
        super(experiment != null ? "Training " + experiment.getFileName() : "Resuming " + resumed.getFileName());
        this.experiment = experiment;
        this.resumed = resumed;
        this.registry = registry;
        setUser(true);
    }

    /**
     * @param experiment the experiment file
     * @param registry the installed contributions
     * @return a job training it as a new run
     */
    public static ExperimentJob train(Path experiment, ContributionRegistry registry) {
        return new ExperimentJob(experiment, null, registry);
    }

    /**
     * @param run a stopped run
     * @param registry the installed contributions
     * @return a job continuing it from its last checkpoint
     */
    public static ExperimentJob resume(Path run, ContributionRegistry registry) {
        return new ExperimentJob(null, run, registry);
    }

    /**
     * @param source a run with phase checkpoints
     * @param phase the phase whose start to branch from
     * @param experiment the settings of the new run
     * @param registry the installed contributions
     * @return a job training a new run from that checkpoint
     */
    public static ExperimentJob branch(Path source, int phase, Path experiment, ContributionRegistry registry) {
        ExperimentJob job = new ExperimentJob(experiment, null, registry);
        job.setName("Branching " + source.getFileName() + " at phase " + phase + " with " + experiment.getFileName());
        job.branchSource = source;
        job.branchPhase = phase;
        return job;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), TICKS);
        ExperimentRunner current = new ExperimentRunner(registry);
        runner = current;
        ExperimentRunner.Progress progress = new MonitorProgress(monitor, TICKS, ExperimentJob::open);
        try {
            RunsPreferences.applyThreads();
            if (branchSource != null) {
                CheckedExperiment checked = new ExperimentReader(registry).read(experiment);
                current.branch(branchSource, branchPhase, checked, RunsPreferences.runsFolder(), progress);
            } else if (experiment != null) {
                CheckedExperiment checked = new ExperimentReader(registry).read(experiment);
                if (checked.experiment().isSeedGroup()) {
                    trainGroup(current, checked, progress);
                } else if (Sweep.isSweep(checked)) {
                    trainSweep(current, experiment, progress);
                } else {
                    current.run(checked, RunsPreferences.runsFolder(), progress);
                }
            } else {
                CheckedExperiment checked = RunDirectory.experiment(new ExperimentReader(registry), resumed);
                open(resumed);
                current.resume(resumed, checked, progress);
            }
            return monitor.isCanceled() ? new Status(IStatus.INFO, BUNDLE, getName() + ": stopped after the current step;"
                    + " the checkpoint is kept (Resume in the Runs view)") : Status.OK_STATUS;
        } catch (InvalidExperimentException e) {
            return new Status(IStatus.ERROR, BUNDLE, "The experiment is not valid:\n" + e.getMessage());
        } catch (Exception | LinkageError e) {
            return new Status(IStatus.ERROR, BUNDLE, getName() + " failed: " + e.getMessage(), e);
        } finally {
            monitor.done();
        }
    }

    /**
     * One run per seed (as {@code latentlab train} does), then the comparison of the group: each metric's
     * mean curve with its ± std band.
     */
    private void trainGroup(ExperimentRunner current, CheckedExperiment checked, ExperimentRunner.Progress progress)
            throws InvalidExperimentException, IOException {
        Sweep sweep = new Sweep(registry);
        current.whenCancelled(sweep::cancel);
        openComparison(SeedGroup.train(sweep, checked, RunsPreferences.runsFolder(), progress).stream()
                .filter(Objects::nonNull).toList());
    }

    /**
     * The trials of the file's sweep, as {@code latentlab sweep} trains them (two at a time, completed
     * ones skipped), then their comparison with its parallel coordinates.
     */
    private void trainSweep(ExperimentRunner current, Path file, ExperimentRunner.Progress progress)
            throws InvalidExperimentException, IOException {
        Sweep sweep = new Sweep(registry);
        current.whenCancelled(sweep::cancel);
        List<Sweep.Trial> trials = sweep.trials(file);
        Path folder = RunsPreferences.runsFolder().resolve(Sweep.folderName(file));
        List<Sweep.Outcome> outcomes = sweep.run(file, trials, folder, SeedGroup.workers(trials.size()), progress);
        Sweep.writeTable(outcomes, folder.resolve("sweep.csv"));
        openComparison(outcomes.stream().map(Sweep.Outcome::run).filter(Objects::nonNull).toList());
    }

    private static void openComparison(List<Path> runs) {
        if (runs.size() < 2) {
            return;
        }
        Display.getDefault().asyncExec(() -> {
            try {
                RunViews.compare(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), runs);
            } catch (PartInitException e) {
                ILog.of(ExperimentJob.class).error("cannot open the comparison of " + runs, e);
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

    private static void open(Path run) {
        Display.getDefault().asyncExec(() -> {
            try {
                RunViews.openRun(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), run);
            } catch (PartInitException e) {
                ILog.of(ExperimentJob.class).error("cannot open the run editor of " + run, e);
            }
        });
    }
}
