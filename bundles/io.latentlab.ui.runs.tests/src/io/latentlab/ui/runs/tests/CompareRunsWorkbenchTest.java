package io.latentlab.ui.runs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunInfo;
import io.latentlab.ui.runs.ExperimentJob;
import io.latentlab.ui.runs.RaceJob;
import io.latentlab.ui.runs.RunViews;
import io.latentlab.ui.runs.RunsPreferences;
import io.latentlab.ui.runs.internal.RunComparisonEditor;
import io.latentlab.ui.runs.internal.RunDashboard;
import io.latentlab.ui.runs.internal.RunEditor;
import io.latentlab.ui.runs.internal.SampleComparisonEditor;
import io.latentlab.ui.runs.internal.RunsView;
import io.latentlab.ui.tests.support.Installed;
import io.latentlab.ui.tests.support.Shots;

/**
 * An optimizer race compared in the workbench (curves overlaid, the differing optimizer shown),
 * and a stacked autoencoder's dashboard marking its phases.
 */
class CompareRunsWorkbenchTest {

    private static final String EXPERIMENT = """
            name: race
            seed: 4
            dataset:
              id: mnist
              train_limit: 2048
              test_limit: 256
            model:
              id: %s
            optimizer:
              id: sgd
              learning_rate: 0.01
            training:
              epochs: 2
              batch_size: 64
            """;

    @Test
    void raceCurvesAreOverlaidAndPhasesAreMarked(@TempDir Path folder) throws Exception {
        Display display = Display.getCurrent();
        Path runs = folder.resolve("runs");
        System.setProperty(RunsPreferences.RUNS_PROPERTY, runs.toString());
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getShell().setSize(1500, 950);
        IWorkbenchPage page = window.getActivePage();

        Path race = folder.resolve("race.experiment.yaml");
        Files.writeString(race, EXPERIMENT.formatted("""
                autoencoder
                  encoder:
                    - dense: {units: 64, activation: relu}
                  decoder:
                    - dense: {units: 784, activation: sigmoid}"""));
        // the race from the workbench (Race... in the Runs view): a background job, the comparison follows it
        Job job = new RaceJob(race, List.of("sgd", "adam"), Installed.registry());
        job.schedule();
        Shots.until(display, "the race to finish", 300_000, () -> job.getResult() != null);
        assertTrue(job.getResult().isOK(), "race: " + job.getResult());
        Shots.idle(display); // the comparison opens from the job's end
        List<RunComparisonEditor> comparisons = RunEditors.comparisons();
        assertEquals(1, comparisons.size(), "the comparison of the first entrant alone was replaced");
        RunComparisonEditor comparison = comparisons.get(0);
        assertEquals("Compare: race-sgd | race-adam", comparison.getTitle());
        comparison.refresh();
        assertEquals(2, comparison.seriesCount(), "one train_loss curve per optimizer");
        Shots.take(display, window.getShell().getBounds(), "compare.png");

        RunsView view = (RunsView) page.showView(RunViews.RUNS_VIEW_ID);
        view.refresh();
        assertEquals(2, view.runs().size());

        // Compare Samples: both entrants' grids side by side at one epoch, then their difference
        view.select(view.runs().stream().map(RunInfo::name).toList());
        view.compareSamplesSelected();
        SampleComparisonEditor samples = (SampleComparisonEditor) page.getActiveEditor();
        assertEquals(List.of(1, 2), samples.epochs(), "a grid per epoch for each run");
        assertEquals("epoch 1 of 2", samples.showEpoch(0));
        assertEquals(List.of(true, true), samples.gridsShown());
        samples.showDifferences(true);
        double difference = samples.differences().get(1);
        assertTrue(Double.isNaN(samples.differences().get(0)), "the first run is the reference");
        // the same test images (zero difference) above different reconstructions (sgd has barely moved)
        assertTrue(difference > 0.001 && difference < 0.5, "mean |adam - sgd| " + difference);
        Shots.idle(display);
        Shots.take(display, window.getShell().getBounds(), "compare-samples.png");
        samples.showDifferences(false);
        assertEquals("epoch 2 of 2", samples.showEpoch(1));

        Path stacked = folder.resolve("stacked.experiment.yaml");
        Files.writeString(stacked, EXPERIMENT.replace("name: race", "name: stacked").replace("epochs: 2", "epochs: 3")
                .formatted("""
                        stacked_autoencoder
                          pretrain_epochs: 1
                          encoder:
                            - dense: {units: 64, activation: relu}
                            - dense: {units: 32, activation: relu}"""));
        Path run = new ExperimentRunner(Installed.registry()).run(new ExperimentReader(Installed.registry()).read(stacked),
                runs, (line, end) -> { });
        RunDashboard dashboard = ((RunEditor) RunViews.openRun(page, run)).dashboard();
        Shots.until(display, "the dashboard to chart the run's phases", () -> dashboard.phaseMarkers() == 3);
        assertTrue(dashboard.seriesSizes().get("train_loss") == 96);
        Shots.take(display, window.getShell().getBounds(), "phases.png");

        // Branch... from the start of fine-tuning (phase 3): a new run, its dashboard with the source's history
        Job branch = ExperimentJob.branch(run, 3, stacked, Installed.registry());
        branch.schedule();
        Shots.until(display, "the branch to finish", 300_000, () -> branch.getResult() != null);
        assertTrue(branch.getResult().isOK(), "branch: " + branch.getResult());
        view.refresh();
        assertTrue(view.runs().stream().anyMatch(info -> !info.directory().equals(run) && info.name().contains("stacked")
                && "completed".equals(info.status())), "the branched run: " + view.runs());
        // the source and its branch are open side by side; where two runs share a name, their tabs carry the time
        Shots.until(display, "the branch's editor", () -> RunEditors.titles().size() == 2);
        List<String> titles = RunEditors.titles();
        assertEquals(2, titles.stream().distinct().count(), "no two tabs read alike: " + titles);
        assertTrue(titles.stream().allMatch(t -> t.matches("stacked( \\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)?")), titles.toString());
        RunEditors.closeAll();
        page.closeEditor(comparison, false); // its runs go with this test's folder
    }
}
