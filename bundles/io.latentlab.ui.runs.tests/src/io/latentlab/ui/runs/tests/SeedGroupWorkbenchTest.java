package io.latentlab.ui.runs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.runs.RunInfo;
import io.latentlab.studies.SeedGroup;
import io.latentlab.ui.runs.ExperimentJob;
import io.latentlab.ui.runs.RunViews;
import io.latentlab.ui.runs.RunsPreferences;
import io.latentlab.ui.runs.internal.RunComparisonEditor;
import io.latentlab.ui.runs.internal.RunsView;
import io.latentlab.ui.tests.support.Installed;
import io.latentlab.ui.tests.support.Shots;

/**
 * An experiment with {@code repeat: 3} run from the workbench: three runs, the comparison draws
 * them as one mean curve with a ± std band, the Runs view shows the group's mean ± std.
 */
class SeedGroupWorkbenchTest {

    @Test
    void aThreeSeedGroupIsComparedAsAMeanWithAStdBand(@TempDir Path folder) throws Exception {
        Display display = Display.getCurrent();
        Path runs = folder.resolve("runs");
        System.setProperty(RunsPreferences.RUNS_PROPERTY, runs.toString());
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getShell().setSize(1600, 1000);
        IWorkbenchPage page = window.getActivePage();
        try {
            Path file = folder.resolve("seeds.experiment.yaml");
            Files.writeString(file, TinyAutoencoder.experiment("three-seeds", "repeat: 3\n")
                    .replace("epochs: 1", "epochs: 2"));
            Job job = ExperimentJob.train(file, Installed.registry());
            job.schedule();
            Shots.until(display, "the group to finish", 300_000, () -> job.getResult() != null);
            assertTrue(job.getResult().isOK(), "group: " + job.getResult());
            Shots.idle(display); // the comparison opens from the job's end
            assertEquals(1, RunEditors.comparisons().size(), "the group's comparison is open");
            RunComparisonEditor comparison = RunEditors.comparisons().get(0);
            comparison.refresh();
            assertEquals(0, comparison.seriesCount(), "the three runs are one band, not three lines");
            double[] last = comparison.lastOfBand("seeds-three-seeds");
            assertNotNull(last, "a band for the group");
            assertTrue(last[2] < last[1] && last[1] < last[3], "mean inside mean -/+ std: " + java.util.Arrays.toString(last));
            page.setPartState(page.getReference(comparison), IWorkbenchPage.STATE_MAXIMIZED);
            Shots.idle(display);
            Shots.take(display, window.getShell().getBounds(), "seed-group-band.png");
            page.setPartState(page.getReference(comparison), IWorkbenchPage.STATE_RESTORED);
            comparison.setGroupsAsBands(false);
            assertEquals(3, comparison.seriesCount(), "run by run on request");

            RunsView view = (RunsView) page.showView(RunViews.RUNS_VIEW_ID);
            view.refresh();
            List<RunInfo> listed = new ArrayList<>(view.runs());
            assertEquals(3, listed.size());
            String expected = SeedGroup.headline(listed.stream().map(RunInfo::directory).toList()).orElseThrow().meanStd()
                    + " (n=3)";
            for (RunInfo run : listed) {
                assertEquals(expected, view.groupOf(run));
            }
        } finally {
            RunEditors.closeAll();
            System.clearProperty(RunsPreferences.RUNS_PROPERTY);
        }
    }
}
