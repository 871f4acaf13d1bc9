package io.latentlab.ui.runs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.runs.RunInfo;
import io.latentlab.ui.runs.ExperimentJob;
import io.latentlab.ui.runs.RunViews;
import io.latentlab.ui.runs.RunsPreferences;
import io.latentlab.ui.runs.SparkSubmitJob;
import io.latentlab.ui.runs.SparkSweepJob;
import io.latentlab.ui.runs.SparkTrainingJob;
import io.latentlab.ui.runs.internal.RunsView;
import io.latentlab.ui.tests.support.Installed;
import io.latentlab.ui.tests.support.Shots;

/**
 * A sweep from the workbench: Run Experiment on a file with a sweep trains its trials (as
 * `latentlab sweep` does) and compares them; Submit Sweep to Spark runs the preferences' spark-submit
 * with the driver's arguments, follows it, and Cancel ends it (a stand-in spark-submit here: the
 * real one, against a real cluster, is distributed/spark's test).
 */
class SparkSweepWorkbenchTest {

    private static final String SWEEP = TinyAutoencoder.experiment("wb-sweep", """
            sweep:
              parameters:
                optimizer.learning_rate: [0.001, 0.01]
            """);

    @Test
    void runExperimentOnASweepTrainsItsTrials(@TempDir Path folder) throws Exception {
        Display display = Display.getCurrent();
        System.setProperty(RunsPreferences.RUNS_PROPERTY, folder.resolve("runs").toString());
        try {
            Path file = folder.resolve("wb.experiment.yaml");
            Files.writeString(file, SWEEP);
            Job job = ExperimentJob.train(file, Installed.registry());
            job.schedule();
            Shots.until(display, "the sweep to finish", 300_000, () -> job.getResult() != null);
            assertTrue(job.getResult().isOK(), "sweep: " + job.getResult());
            assertTrue(Files.readString(folder.resolve("runs/sweep-wb/sweep.csv")).contains("wb-sweep-trial-02"));
            Shots.idle(display);
            assertEquals(1, RunEditors.comparisons().size(), "the trials' comparison is open");
            RunsView view = (RunsView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
                    .showView(RunViews.RUNS_VIEW_ID);
            view.refresh();
            assertEquals(List.of("completed", "completed"), view.runs().stream().map(RunInfo::status).toList());
        } finally {
            RunEditors.closeAll();
            System.clearProperty(RunsPreferences.RUNS_PROPERTY);
        }
    }

    @Test
    void submitSweepToSparkRunsSparkSubmitAndCancelEndsIt(@TempDir Path folder) throws Exception {
        Display display = Display.getCurrent();
        Path runs = folder.resolve("shared-runs");
        System.setProperty(RunsPreferences.RUNS_PROPERTY, runs.toString());
        Path file = folder.resolve("wb.experiment.yaml");
        Files.writeString(file, SWEEP);
        Path arguments = folder.resolve("arguments.txt");
        Path submit = standIn(folder, arguments);
        RunsPreferences.instance().put(RunsPreferences.SPARK_SUBMIT, submit.toString());
        RunsPreferences.instance().put(RunsPreferences.SPARK_MASTER, "spark://127.0.0.1:7077");
        RunsPreferences.instance().put(RunsPreferences.SPARK_JAR, "/opt/latentlab-spark.jar");
        RunsPreferences.instance().put(RunsPreferences.SPARK_PRODUCT, "/opt/latentlab/latentlab");
        try {
            SparkSweepJob job = new SparkSweepJob(file, Installed.registry());
            job.schedule();
            Shots.until(display, "spark-submit to start", 60_000, () -> Files.exists(arguments));
            assertEquals(List.of("--master", "spark://127.0.0.1:7077", "--class", SparkSweepJob.DRIVER,
                    "/opt/latentlab-spark.jar", "sweep", file.toString(), "--product", "/opt/latentlab/latentlab", "--runs",
                    runs.toString()), Files.readAllLines(arguments));
            job.cancel();
            Shots.until(display, "the job to stop", 60_000, () -> job.getResult() != null);
            assertEquals(IStatus.CANCEL, job.getResult().getSeverity(), job.getResult().toString());
            assertTrue(Files.readString(arguments).contains("terminated"), "spark-submit was ended");
            assertTrue(Files.readString(runs.resolve("sweep-wb").resolve(SparkSweepJob.LOG)).contains("a stand-in"));

            // a spark-submit that fails: its exit and its log's end in the job's error
            script(submit, "#!/bin/bash\necho 'Could not connect to spark://127.0.0.1:7077'\nexit 3\n");
            SparkSweepJob failing = new SparkSweepJob(file, Installed.registry());
            failing.schedule();
            Shots.until(display, "the failing job to end", 60_000, () -> failing.getResult() != null);
            assertEquals(IStatus.ERROR, failing.getResult().getSeverity());
            assertTrue(failing.getResult().getMessage().contains("spark-submit exited 3")
                    && failing.getResult().getMessage().contains("Could not connect to spark://127.0.0.1:7077"),
                    failing.getResult().getMessage());
        } finally {
            for (String key : List.of(RunsPreferences.SPARK_SUBMIT, RunsPreferences.SPARK_MASTER, RunsPreferences.SPARK_JAR,
                    RunsPreferences.SPARK_PRODUCT)) {
                RunsPreferences.instance().remove(key);
            }
            System.clearProperty(RunsPreferences.RUNS_PROPERTY);
        }
    }

    /** Train on Spark: the driver's train with the workers asked for, followed and ended like a sweep. */
    @Test
    void trainOnSparkRunsTheDriversTrainWithItsWorkers(@TempDir Path folder) throws Exception {
        Display display = Display.getCurrent();
        Path runs = folder.resolve("shared-runs");
        System.setProperty(RunsPreferences.RUNS_PROPERTY, runs.toString());
        Path file = folder.resolve("wb.experiment.yaml");
        Files.writeString(file, TinyAutoencoder.experiment("wb-parallel", ""));
        Path arguments = folder.resolve("arguments.txt");
        Path submit = standIn(folder, arguments);
        RunsPreferences.instance().put(RunsPreferences.SPARK_SUBMIT, submit.toString());
        RunsPreferences.instance().put(RunsPreferences.SPARK_JAR, "/opt/latentlab-spark.jar");
        try {
            SparkTrainingJob job = new SparkTrainingJob(file, 3, Installed.registry());
            job.schedule();
            Shots.until(display, "spark-submit to start", 60_000, () -> Files.exists(arguments));
            List<String> given = Files.readAllLines(arguments);
            assertEquals(List.of("--class", SparkSubmitJob.DRIVER, "/opt/latentlab-spark.jar", "train", file.toString(),
                    "--workers", "3", "--product"), given.subList(2, 10));
            assertEquals(List.of("--runs", runs.toString()), given.subList(11, 13));
            job.cancel();
            Shots.until(display, "the job to stop", 60_000, () -> job.getResult() != null);
            assertEquals(IStatus.CANCEL, job.getResult().getSeverity(), job.getResult().toString());
            assertTrue(Files.readString(arguments).contains("terminated"), "spark-submit was ended");
            assertTrue(Files.exists(runs.resolve("spark-train-wb.log")));
        } finally {
            RunsPreferences.instance().remove(RunsPreferences.SPARK_SUBMIT);
            RunsPreferences.instance().remove(RunsPreferences.SPARK_JAR);
            System.clearProperty(RunsPreferences.RUNS_PROPERTY);
        }
    }

    /** A stand-in for spark-submit: writes its arguments, says so in its log and waits to be ended (then says so). */
    private static Path standIn(Path folder, Path arguments) throws Exception {
        return script(folder.resolve("spark-submit"), """
                #!/bin/bash
                printf '%%s\\n' "$@" > '%s'
                trap 'echo terminated >> "%s"; exit 143' TERM
                echo "a stand-in for spark-submit: waiting to be stopped"
                while true; do sleep 0.1; done
                """.formatted(arguments, arguments));
    }

    private static Path script(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
