package io.latentlab.ui.runs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import io.latentlab.ui.Services;
import io.latentlab.ui.runs.internal.ExperimentJob;

/** The runs bundle's entry points: where runs live, opening a run's dashboard, training an experiment. */
public final class RunsUi {

    /** Id of the Runs view. */
    public static final String RUNS_VIEW_ID = "io.latentlab.ui.runs.view";

    /** Id of the run dashboard view (one instance per run, the run's path as secondary id). */
    public static final String DASHBOARD_VIEW_ID = "io.latentlab.ui.results.dashboard";

    /** Id of the run comparison view (one instance per set of runs). */
    public static final String COMPARE_VIEW_ID = "io.latentlab.ui.results.compare";

    /** System property naming the runs folder (else {@code runs/} in the workspace). */
    public static final String RUNS_PROPERTY = "latentlab.runs";

    /** Preference: the runs folder (empty: runs/ in the workspace). */
    public static final String RUNS_FOLDER_PREFERENCE = "runsFolder";

    /** Preference: milliseconds between dashboard refreshes. */
    public static final String REFRESH_PREFERENCE = "refreshMilliseconds";

    /** Preference: ND4J threads for training in the workbench (0: as the launcher configured). */
    public static final String THREADS_PREFERENCE = "nd4jThreads";

    private static org.eclipse.ui.preferences.ScopedPreferenceStore preferences;

    private RunsUi() {
    }

    /** @return this bundle's preferences (instance scope), with their defaults */
    public static synchronized org.eclipse.ui.preferences.ScopedPreferenceStore preferences() {
        if (preferences == null) {
            preferences = new org.eclipse.ui.preferences.ScopedPreferenceStore(
                    org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE, "io.latentlab.ui.runs");
            preferences.setDefault(RUNS_FOLDER_PREFERENCE, "");
            preferences.setDefault(REFRESH_PREFERENCE, 1000);
            preferences.setDefault(THREADS_PREFERENCE, 0);
        }
        return preferences;
    }

    /** Applies the ND4J threads preference (if set) before training starts. */
    public static void applyThreads() {
        int threads = preferences().getInt(THREADS_PREFERENCE);
        if (threads > 0) {
            io.latentlab.nd4j.Nd4jRuntime.setThreads(threads);
        }
    }

    /** @return milliseconds between dashboard refreshes (throttles chart updates while training) */
    public static int refreshMilliseconds() {
        return Math.max(200, preferences().getInt(REFRESH_PREFERENCE));
    }

    /** @return the folder runs are written to and listed from: -Dlatentlab.runs, else the preference, else runs/ in the workspace */
    public static Path runsFolder() {
        String given = System.getProperty(RUNS_PROPERTY);
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        String preferred = preferences().getString(RUNS_FOLDER_PREFERENCE);
        if (!preferred.isBlank()) {
            return Path.of(preferred);
        }
        return Path.of(Platform.getInstanceLocation().getURL().getPath()).resolve("runs");
    }

    /**
     * @param run a run directory
     * @return the dashboard view showing it (opened, or brought to the front)
     * @throws PartInitException if the view cannot be created
     */
    public static IViewPart openDashboard(Path run) throws PartInitException {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        return page.showView(DASHBOARD_VIEW_ID, encode(run), IWorkbenchPage.VIEW_ACTIVATE);
    }

    /**
     * @param runs two or more run directories
     * @return the comparison view overlaying their metrics and diffing their configurations
     * @throws PartInitException if the view cannot be created
     */
    public static IViewPart compare(java.util.List<Path> runs) throws PartInitException {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        String joined = String.join("\n", runs.stream().map(run -> run.toAbsolutePath().normalize().toString()).toList());
        return page.showView(COMPARE_VIEW_ID, encode(Path.of(joined)), IWorkbenchPage.VIEW_ACTIVATE);
    }

    /**
     * Trains an experiment in a background job (progress, cancel); its dashboard opens as soon as
     * the run directory exists.
     *
     * @param experiment the experiment file
     * @return the scheduled job
     */
    public static Job train(Path experiment) {
        Job job = new ExperimentJob(experiment, null, Services.registry());
        job.schedule();
        return job;
    }

    /**
     * Races optimizers on an experiment in a background job (identical starts); the comparison
     * view overlays the entrants' curves live.
     *
     * @param experiment the experiment file
     * @param optimizers optimizer ids
     * @return the scheduled job
     */
    public static Job race(Path experiment, java.util.List<String> optimizers) {
        Job job = new io.latentlab.ui.runs.internal.RaceJob(experiment, optimizers, Services.registry());
        job.schedule();
        return job;
    }

    /**
     * Trains a new run from the checkpoint where a phase of another run began, with an
     * experiment's settings, in a background job.
     *
     * @param source the run
     * @param phase the phase number
     * @param experiment the new run's experiment file
     * @return the scheduled job
     */
    public static Job branch(Path source, int phase, Path experiment) {
        Job job = io.latentlab.ui.runs.internal.ExperimentJob.branch(source, phase, experiment, Services.registry());
        job.schedule();
        return job;
    }

    /**
     * Continues a stopped run from its last checkpoint in a background job.
     *
     * @param run the run directory
     * @return the scheduled job
     */
    public static Job resume(Path run) {
        Job job = new ExperimentJob(null, run, Services.registry());
        job.schedule();
        return job;
    }

    /**
     * @param run a run directory
     * @return a view secondary id for it (no ':' allowed there)
     */
    public static String encode(Path run) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(run.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param secondaryId from {@link #encode}
     * @return the run directory
     */
    public static Path decode(String secondaryId) {
        return Path.of(new String(Base64.getUrlDecoder().decode(secondaryId), StandardCharsets.UTF_8));
    }
}
