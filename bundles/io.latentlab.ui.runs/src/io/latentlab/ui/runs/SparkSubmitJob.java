package io.latentlab.ui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Work submitted to the Spark cluster of Preferences > Latentlab > Runs: runs {@code spark-submit}
 * with the driver jar into the runs folder (which the cluster's workers must share) and follows it:
 * progress from what appears in the runs folder, Cancel ends spark-submit and so the application
 * (training stops with checkpoints; a second submit goes on from them), a failure shows the end of
 * spark-submit's log.
 */
public abstract class SparkSubmitJob extends Job {

    private static final String BUNDLE = "io.latentlab.ui.runs";
    /** The driver's class in the jar. */
    public static final String DRIVER = "io.latentlab.spark.LatentlabSpark";

    private volatile Process process;

    /** @param name the job's name */
    protected SparkSubmitJob(String name) {
        super(name);
        setUser(true);
    }

    /**
     * @param driverArguments the driver's command and its arguments, e.g. {@code sweep FILE}
     * @param runs the runs folder
     * @return the spark-submit command, from the preferences
     */
    public static List<String> command(List<String> driverArguments, Path runs) {
        String product = RunsPreferences.spark(RunsPreferences.SPARK_PRODUCT, installedLauncher());
        List<String> command = new ArrayList<>(List.of(RunsPreferences.spark(RunsPreferences.SPARK_SUBMIT, "spark-submit"),
                "--master", RunsPreferences.spark(RunsPreferences.SPARK_MASTER, "local[2]"),
                "--class", DRIVER, RunsPreferences.spark(RunsPreferences.SPARK_JAR, "latentlab-spark.jar")));
        command.addAll(driverArguments);
        command.addAll(List.of("--product", product, "--runs", runs.toAbsolutePath().toString()));
        return command;
    }

    /** This installation's {@code latentlab}, the default product for the workers (same path on each). */
    private static String installedLauncher() {
        try {
            return Path.of(Platform.getInstallLocation().getURL().toURI()).resolve("latentlab").toString();
        } catch (Exception e) {
            return "latentlab";
        }
    }

    /** @return the driver's command and its arguments */
    protected abstract List<String> driverArguments();

    /**
     * @param runs the runs folder
     * @return where spark-submit's output goes
     * @throws IOException if its folder cannot be created
     */
    protected abstract Path log(Path runs) throws IOException;

    /**
     * @return the units of work the job has (trials, epochs)
     * @throws Exception if the experiment cannot be read
     */
    protected abstract int totalWork() throws Exception;

    /**
     * @param runs the runs folder
     * @return the units done so far, as the runs folder shows them
     * @throws IOException if it cannot be read
     */
    protected abstract int workDone(Path runs) throws IOException;

    /** @return the progress line for {@code done} of {@code total} */
    protected abstract String progress(int done, int total);

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        Path runs = RunsPreferences.runsFolder();
        try {
            int total = totalWork();
            Path log = log(runs);
            monitor.beginTask(getName(), total);
            process = new ProcessBuilder(command(driverArguments(), runs)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            int done = 0;
            while (!process.waitFor(1, TimeUnit.SECONDS)) {
                int now = workDone(runs);
                monitor.worked(now - done);
                done = now;
                monitor.subTask(progress(done, total));
                if (monitor.isCanceled()) {
                    stop();
                    return new Status(IStatus.CANCEL, BUNDLE, getName() + ": stopped; training keeps its checkpoints"
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

    private static String tail(Path log) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /** @return the spark-submit process while it runs (for tests), or {@code null} */
    public Process process() {
        return process;
    }
}
