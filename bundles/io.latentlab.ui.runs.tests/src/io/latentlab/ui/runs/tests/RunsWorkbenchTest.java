package io.latentlab.ui.runs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunInfo;
import io.latentlab.ui.runs.ExperimentJob;
import io.latentlab.ui.runs.RunViews;
import io.latentlab.ui.runs.RunsPreferences;
import io.latentlab.ui.runs.internal.RunDashboard;
import io.latentlab.ui.runs.internal.RunEditor;
import io.latentlab.ui.runs.internal.RunsView;
import io.latentlab.ui.tests.support.Installed;
import io.latentlab.ui.tests.support.Shots;

/**
 * A researcher trains an experiment from the workbench: the job runs in the background, the
 * dashboard opens by itself and its charts grow while training runs, and the Runs view lists
 * the finished run.
 */
class RunsWorkbenchTest {

    private static final String EXPERIMENT = """
            name: workbench-ae
            seed: 3
            dataset:
              id: mnist
              test_limit: 500
            model:
              id: autoencoder
              encoder:
                - dense: {units: 256, activation: relu}
                - dense: {units: 32, activation: relu}
              decoder:
                - dense: {units: 256, activation: relu}
                - dense: {units: 784, activation: sigmoid}
            optimizer:
              id: adam
              learning_rate: 0.001
              schedule: {id: cosine, warmup_steps: 50}
            training:
              epochs: 3
              batch_size: 32
            """;

    @Test
    void trainingFromTheWorkbenchShowsLiveChartsAndListsTheRun(@TempDir Path folder) throws Exception {
        Display display = Display.getCurrent();
        System.setProperty(RunsPreferences.RUNS_PROPERTY, folder.resolve("runs").toString());
        Path experiment = folder.resolve("workbench-ae.experiment.yaml");
        Files.writeString(experiment, EXPERIMENT);
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getShell().setSize(1500, 950);
        IWorkbenchPage page = window.getActivePage();

        // refresh often, so that growth is seen even when this machine is busy
        RunsPreferences.instance().putInt(RunsPreferences.REFRESH_MILLISECONDS, 250);
        Job job = ExperimentJob.train(experiment, Installed.registry());
        job.schedule();
        Set<Integer> sizesSeen = new TreeSet<>();
        RunEditor editor = null;
        RunDashboard dashboard = null;
        String throughputSeen = null;
        long deadline = System.currentTimeMillis() + 300_000;
        while (job.getResult() == null && System.currentTimeMillis() < deadline) {
            Shots.dispatch(display); // the dashboard refreshes on its timer: look at it after each round of events
            editor = editor != null ? editor : findEditor(page, folder.resolve("runs"));
            dashboard = editor == null ? null : editor.dashboard();
            if (dashboard != null) {
                sizesSeen.add(dashboard.seriesSizes().getOrDefault("train_loss", 0));
                if (dashboard.statusLine().contains("ex/s  ETA ")) {
                    throughputSeen = dashboard.statusLine();
                }
            }
        }
        assertNotNull(job.getResult(), "training did not finish in time");
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().getMessage());
        assertNotNull(dashboard, "the run editor did not open while training");
        assertEquals("workbench-ae", editor.getPartName(), "the tab names the run, without its timestamp");
        sizesSeen.remove(0);
        RunsPreferences.instance().remove(RunsPreferences.REFRESH_MILLISECONDS);
        assertTrue(sizesSeen.size() >= 2, "the training chart did not grow while training ran: " + sizesSeen);

        RunDashboard shown = dashboard;
        Shots.until(display, "the dashboard to read the end of metrics.csv", () -> {
            shown.refresh();
            return Integer.valueOf(750).equals(shown.seriesSizes().get("train_loss"));
        });
        assertEquals(750, dashboard.seriesSizes().get("train_loss"), "8000 images / 32 x 3 epochs");
        assertEquals(3, dashboard.seriesSizes().get("test_bce"), "one evaluation per epoch");
        assertEquals(List.of("train_learning_rate"), dashboard.learningRateSeries(), "the rate is drawn on its own axis");
        assertEquals(750, dashboard.seriesSizes().get("train_learning_rate"), "a learning rate every step");
        Shots.idle(display);
        Shots.take(display, window.getShell().getBounds(), "dashboard.png");
        assertNotNull(throughputSeen, "the dashboard showed throughput and ETA while training");
        assertTrue(throughputSeen.matches("(?s).*epoch \\d/3 step \\d+/750 .*"), throughputSeen);
        List<String> record = dashboard.record();
        assertTrue(record.contains("model.id = autoencoder"), record.toString());
        assertTrue(record.contains("training.batch_size = 32"), record.toString());
        assertTrue(record.stream().anyMatch(r -> r.startsWith("optimizer adam io.latentlab.optimizers.core ")),
                record.toString());
        dashboard.showDetails("Configuration");
        Shots.idle(display);
        Shots.take(display, window.getShell().getBounds(), "dashboard-configuration.png");
        dashboard.showDetails("Samples");
        Path svg = Shots.folder().resolve("dashboard.svg");
        dashboard.writeSvg(svg);
        String vector = Files.readString(svg);
        assertTrue(vector.contains("<svg") && vector.contains("train_loss") && vector.contains("test_bce")
                && vector.contains("<path"), "an SVG of both charts, with their series as paths: "
                        + vector.substring(0, Math.min(300, vector.length())));

        // the run as a document: its Overview and the sample grid of any epoch
        editor.showPage(RunEditor.OVERVIEW);
        String overview = editor.overviewText();
        String folderName = ((io.latentlab.ui.runs.RunEditorInput) editor.getEditorInput()).run().getFileName().toString();
        assertTrue(overview.startsWith(folderName + "   completed   test_bce = "), overview);
        assertTrue(overview.matches("(?s).*epochs completed +3\n.*"), overview);
        assertTrue(overview.matches("(?s).*examples per second +\\d+.*") && overview.contains("autoencoder"), overview);
        Shots.idle(display);
        Shots.take(display, window.getShell().getBounds(), "run-editor-overview.png");
        editor.showPage(RunEditor.SAMPLES);
        int grids = editor.sampleGrids();
        assertTrue(grids >= 1, "the runner wrote sample grids");
        String newest = editor.showSamplesOf(grids - 1);
        assertTrue(newest.matches("epoch (\\d+) of \\1"), "the slider at the end shows the newest: " + newest + " ("
                + grids + " grids)");
        String first = editor.showSamplesOf(0);
        assertTrue(first.matches("epoch \\d+ of \\d+") && !first.equals(newest) == (grids > 1), first);
        Shots.idle(display);
        Shots.take(display, window.getShell().getBounds(), "run-editor-samples.png");
        editor.showPage(RunEditor.CHARTS);

        RunsView runs = (RunsView) page.showView(RunViews.RUNS_VIEW_ID);
        runs.refresh();
        List<RunInfo> listed = runs.runs();
        assertEquals(1, listed.size());
        assertEquals("completed", listed.get(0).status());
        assertEquals("autoencoder", listed.get(0).model());
        assertTrue(listed.get(0).headlineValue() > 0 && listed.get(0).headlineValue() < 0.3);
        // for the record (README: workbench against headless throughput), not asserted: timings are not tests.
        // The same experiment right after, headless in this JVM (its JIT warmed up by the first: favours headless).
        Path headless = new ExperimentRunner(Installed.registry()).run(new ExperimentReader(Installed.registry())
                .read(experiment), folder.resolve("headless"), (line, end) -> { });
        System.out.println("training speed, workbench (dashboard open, refreshed every 250 ms): "
                + trainingSpeed(listed.get(0).directory()) + "; headless, same JVM, right after: " + trainingSpeed(headless));
        Shots.idle(display);
        Shots.take(display, window.getShell().getBounds(), "runs.png");
        RunEditors.closeAll();
    }

    private static String trainingSpeed(Path run) throws IOException {
        return Files.readString(run.resolve("summary.json")).lines().filter(l -> l.contains("training_examples_per_second"))
                .findFirst().orElse("").strip();
    }

    /** The editor of a run in {@code runs} (other tests may have left editors of their runs open). */
    private static RunEditor findEditor(IWorkbenchPage page, Path runs) {
        for (IEditorReference reference : page.getEditorReferences()) {
            if (RunViews.RUN_EDITOR_ID.equals(reference.getId()) && reference.getEditor(false) instanceof RunEditor editor
                    && ((io.latentlab.ui.runs.RunEditorInput) editor.getEditorInput()).run()
                            .startsWith(runs.toAbsolutePath().normalize())) {
                return editor;
            }
        }
        return null;
    }
}
