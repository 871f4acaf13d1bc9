package io.latentlab.ui.runs;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;

import io.latentlab.runs.ExperimentRunner;

/**
 * A runner's progress on a job's monitor: its lines as the sub-task, its steps as ticks, each run
 * it starts taking the next {@code ticksPerRun} ticks (a race trains one run per entrant).
 */
final class MonitorProgress implements ExperimentRunner.Progress {

    private final IProgressMonitor monitor;
    private final int ticksPerRun;
    private final Consumer<Path> started;
    private int runsStarted;
    private int ticksDone;

    /**
     * @param monitor the job's monitor, begun with ticksPerRun ticks per run
     * @param ticksPerRun ticks for one run from its first step to its last
     * @param started told of each run folder as the runner creates it
     */
    MonitorProgress(IProgressMonitor monitor, int ticksPerRun, Consumer<Path> started) {
        this.monitor = monitor;
        this.ticksPerRun = ticksPerRun;
        this.started = started;
    }

    @Override
    public void report(String line, boolean endOfEpoch) {
        monitor.subTask(line);
    }

    @Override
    public void started(Path run) {
        runsStarted++;
        started.accept(run);
    }

    @Override
    public void advanced(long step, long totalSteps) {
        int reached = Math.max(0, runsStarted - 1) * ticksPerRun + (int) (ticksPerRun * step / Math.max(1, totalSteps));
        monitor.worked(reached - ticksDone);
        ticksDone = reached;
    }
}
