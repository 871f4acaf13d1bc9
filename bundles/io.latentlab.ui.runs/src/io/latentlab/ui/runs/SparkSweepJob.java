package io.latentlab.ui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.runs.RunDirectory;
import io.latentlab.studies.Sweep;

/**
 * Submit Sweep to Spark: runs {@code spark-submit} (Preferences > Latentlab > Runs) with the driver
 * jar on an experiment's sweep, into the runs folder (which the cluster's workers must share), and
 * follows it: progress counts the trials done in the runs folder, Cancel ends spark-submit and so the
 * application (trials stop with checkpoints; a second submit goes on from them). The trials are
 * listed in the Runs view as they appear.
 */
public final class SparkSweepJob extends Job {

    private static final String BUNDLE = "io.latentlab.ui.runs";
    /** The driver's class in the jar. */
    public static final String DRIVER = "io.latentlab.spark.LatentlabSpark";
    /** The log spark-submit writes, in the sweep's folder. */
    public static final String LOG = "spark-submit.log";

    private final Path experiment;
    private final ContributionRegistry registry;
    private volatile Process process;

    /**
     * @param experiment an experiment file with a sweep
     * @param registry the installed contributions (to count the trials)
     */
    public SparkSweepJob(Path experiment, ContributionRegistry registry) {
        super("Spark sweep of " + experiment.getFileName());
        this.experiment = experiment;
        this.registry = registry;
        setUser(true);
    }

    /**
     * @param experiment the experiment file
     * @param runs the runs folder
     * @return the spark-submit command, from the preferences
     */
    public static List<String> command(Path experiment, Path runs) {
        String product = RunsPreferences.spark(RunsPreferences.SPARK_PRODUCT, installedLauncher());
        return List.of(RunsPreferences.spark(RunsPreferences.SPARK_SUBMIT, "spark-submit"),
                "--master", RunsPreferences.spark(RunsPreferences.SPARK_MASTER, "local[2]"),
                "--class", DRIVER, RunsPreferences.spark(RunsPreferences.SPARK_JAR, "latentlab-spark.jar"),
                "sweep", experiment.toAbsolutePath().toString(), "--product", product,
                "--runs", runs.toAbsolutePath().toString());
    }

    /** This installation's {@code latentlab}, the default product for the workers (same path on each). */
    private static String installedLauncher() {
        try {
            return Path.of(Platform.getInstallLocation().getURL().toURI()).resolve("latentlab").toString();
        } catch (Exception e) {
            return "latentlab";
        }
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        Path runs = RunsPreferences.runsFolder();
        Path folder = runs.resolve(Sweep.folderName(experiment));
        try {
            int trials = new Sweep(registry).trials(experiment).size();
            Files.createDirectories(folder);
            monitor.beginTask(getName(), trials);
            Path log = folder.resolve(LOG);
            process = new ProcessBuilder(command(experiment, runs)).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            int done = 0;
            while (!process.waitFor(1, TimeUnit.SECONDS)) {
                int now = completed(folder);
                monitor.worked(now - done);
                done = now;
                monitor.subTask(done + " of " + trials + " trials done (" + folder + ")");
                if (monitor.isCanceled()) {
                    stop();
                    return new Status(IStatus.CANCEL, BUNDLE, getName() + ": stopped; trials keep their checkpoints"
                            + " (submit again to go on)");
                }
            }
            if (process.exitValue() != 0) {
                return new Status(IStatus.ERROR, BUNDLE, getName() + ": spark-submit exited " + process.exitValue()
                        + "; its log, " + log + ", ends:\n" + tail(log));
            }
            return Status.OK_STATUS;
        } catch (IOException e) {
            return new Status(IStatus.ERROR, BUNDLE, getName() + " could not start: " + e.getMessage()
                    + " (Preferences > Latentlab > Runs: spark-submit, master, driver jar)", e);
        } catch (Exception e) {
            return new Status(IStatus.ERROR, BUNDLE, getName() + " failed: " + e.getMessage(), e);
        } finally {
            monitor.done();
        }
    }

    /** Ends spark-submit and what it started here: the application ends with its driver. */
    private void stop() throws InterruptedException {
        Process running = process;
        if (running != null) {
            running.descendants().forEach(ProcessHandle::destroy);
            running.destroy();
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                running.destroyForcibly();
            }
        }
    }

    /** @return the trials in the folder that finished (a summary written) */
    private static int completed(Path folder) throws IOException {
        try (Stream<Path> runs = Files.list(folder)) {
            return (int) runs.filter(run -> Files.isRegularFile(run.resolve(RunDirectory.SUMMARY))).count();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /** @return the spark-submit process while it runs (for tests), or {@code null} */
    public Process process() {
        return process;
    }
}
