package io.latentlab.ui.runs;

import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

import io.latentlab.nd4j.Nd4jRuntime;

/**
 * The workbench's settings for runs (Preferences > Latentlab > Runs), read where they are used so
 * that a change applies to the next run or refresh; the command line's {@code -Dlatentlab.runs}
 * wins over the runs folder chosen here.
 */
public final class RunsPreferences {

    /** The preference node (this bundle's symbolic name). */
    public static final String NODE = "io.latentlab.ui.runs";

    /** System property naming the runs folder (else the preference, else {@code runs/} in the workspace). */
    public static final String RUNS_PROPERTY = "latentlab.runs";

    /** Preference: the runs folder (empty: runs/ in the workspace). */
    public static final String RUNS_FOLDER = "runsFolder";

    /** Preference: milliseconds between dashboard refreshes. */
    public static final String REFRESH_MILLISECONDS = "refreshMilliseconds";

    /** Preference: ND4J threads for training in the workbench (0: as the launcher configured). */
    public static final String THREADS = "nd4jThreads";

    /** The refresh interval when none is set, and the least one taken (charts cost time while training). */
    public static final int DEFAULT_REFRESH_MILLISECONDS = 1000;
    private static final int LEAST_REFRESH_MILLISECONDS = 200;

    private RunsPreferences() {
    }

    /** @return where the preferences are kept (the workspace), to change them */
    public static IEclipsePreferences instance() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    /** @return the folder runs are written to and listed from: -Dlatentlab.runs, else the preference, else runs/ in the workspace */
    public static Path runsFolder() {
        String given = System.getProperty(RUNS_PROPERTY);
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        String preferred = Platform.getPreferencesService().getString(NODE, RUNS_FOLDER, "", null);
        if (!preferred.isBlank()) {
            return Path.of(preferred);
        }
        return Path.of(Platform.getInstanceLocation().getURL().getPath()).resolve("runs");
    }

    /** Preference: the Spark master sweeps are submitted to, e.g. {@code spark://master.lab:7077}. */
    public static final String SPARK_MASTER = "sparkMaster";

    /** Preference: the {@code spark-submit} to run (a path, or a name on the PATH). */
    public static final String SPARK_SUBMIT = "sparkSubmit";

    /** Preference: the driver jar, {@code distributed/spark/target/latentlab-spark.jar} of a build. */
    public static final String SPARK_JAR = "sparkJar";

    /** Preference: the product's {@code latentlab} on the workers (empty: this installation's). */
    public static final String SPARK_PRODUCT = "sparkProduct";

    /**
     * @param key one of the Spark preferences
     * @param fallback when it is not set
     * @return its value
     */
    public static String spark(String key, String fallback) {
        String value = Platform.getPreferencesService().getString(NODE, key, "", null);
        return value.isBlank() ? fallback : value.strip();
    }

    /** @return milliseconds between dashboard refreshes (throttles chart updates while training) */
    public static int refreshMilliseconds() {
        return Math.max(LEAST_REFRESH_MILLISECONDS, Platform.getPreferencesService().getInt(NODE, REFRESH_MILLISECONDS,
                DEFAULT_REFRESH_MILLISECONDS, null));
    }

    /** Applies the ND4J threads preference (if set) before training starts. */
    public static void applyThreads() {
        int threads = Platform.getPreferencesService().getInt(NODE, THREADS, 0, null);
        if (threads > 0) {
            Nd4jRuntime.setThreads(threads);
        }
    }
}
