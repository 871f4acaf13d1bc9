package io.latentlab.ui.runs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.parallel.RingAllReduce;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunInfo;
import io.latentlab.studies.OptimizerRace;
import io.latentlab.studies.ParallelCoordinates;
import io.latentlab.ui.runs.RunViews;
import io.latentlab.ui.runs.RunsPreferences;
import io.latentlab.ui.runs.internal.RunComparisonEditor;
import io.latentlab.ui.runs.internal.RunsView;
import io.latentlab.ui.tests.support.Installed;
import io.latentlab.ui.tests.support.Shots;

/** The runs table as a researcher uses it: filter by any column, sort by a metric both ways, compare as parallel coordinates, rename a run. */
class RunsTableWorkbenchTest {

    @Test
    void filterSortAndRename(@TempDir Path folder) throws Exception {
        Display display = Display.getCurrent();
        Path runs = folder.resolve("runs");
        System.setProperty(RunsPreferences.RUNS_PROPERTY, runs.toString());
        try {
            Path experiment = folder.resolve("race.experiment.yaml");
            Files.writeString(experiment, """
                    name: table
                    seed: 2
                    dataset: {id: mnist, train_limit: 512, test_limit: 128}
                    model:
                      id: autoencoder
                      encoder:
                        - dense: {units: 32, activation: relu}
                      decoder:
                        - dense: {units: 784, activation: sigmoid}
                    optimizer: {id: sgd, learning_rate: 0.05}
                    training: {epochs: 1, batch_size: 64}
                    """);
            new OptimizerRace(Installed.registry()).run(experiment, List.of("sgd", "adam", "rmsprop"), runs,
                    new ExperimentRunner(Installed.registry()), (line, end) -> { });

            IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            window.getShell().setSize(1500, 950);
            RunsView view = (RunsView) window.getActivePage().showView(RunViews.RUNS_VIEW_ID);
            view.refresh();
            Shots.until(display, "three runs in the table", () -> view.visibleRuns().size() == 3);

            view.filterField().setText("ADAM"); // any column, any case
            Shots.until(display, "the filter to leave one run", () -> view.visibleRuns().size() == 1);
            assertTrue(view.visibleRuns().get(0).name().contains("adam"), view.visibleRuns().get(0).name());
            view.filterField().setText("");
            Shots.until(display, "all three runs back", () -> view.visibleRuns().size() == 3);

            view.sortBy("Value");
            List<Double> up = view.visibleRuns().stream().map(RunInfo::headlineValue).toList();
            assertEquals(up.stream().sorted().toList(), up, "ascending by the headline value");
            view.sortBy("Value");
            List<Double> down = view.visibleRuns().stream().map(RunInfo::headlineValue).toList();
            assertEquals(up.reversed(), down, "a second click reverses");
            Shots.take(display, window.getShell().getBounds(), "runs-table.png");

            // the three runs as parallel coordinates: the optimizer axis, then the headline metric
            view.select(view.runs().stream().map(RunInfo::name).toList());
            view.compareSelected();
            Shots.until(display, "the comparison", () -> RunEditors.comparisons().size() == 1);
            RunComparisonEditor comparison = RunEditors.comparisons().get(0);
            assertEquals(List.of("optimizers.default.id", "test_bce"), comparison.parallelCoordinates().axes().stream()
                    .map(ParallelCoordinates.Axis::name).toList());
            assertEquals(3, comparison.parallelCoordinates().lines().size());
            comparison.showParallelCoordinates();
            Shots.idle(display);
            Shots.take(display, window.getShell().getBounds(), "parallel-coordinates.png");
            window.getActivePage().closeEditor(comparison, false);

            RunInfo first = view.visibleRuns().get(0);
            view.rename(first.directory(), "best-of-race");
            assertTrue(Files.isDirectory(runs.resolve("best-of-race").resolve("checkpoints")), "moved with its files");
            assertTrue(view.runs().stream().anyMatch(run -> run.name().equals("best-of-race")));
            assertTrue(Files.notExists(first.directory()));

            RunInfo renamed = view.runs().stream().filter(run -> run.name().equals("best-of-race")).findFirst().orElseThrow();
            view.archive(List.of(renamed));
            assertTrue(Files.isDirectory(runs.resolve("archive").resolve("best-of-race").resolve("checkpoints")));
            assertEquals(2, view.runs().size(), "archived runs are no longer listed");
        } finally {
            System.clearProperty(RunsPreferences.RUNS_PROPERTY);
        }
    }

    /** A run two processes trained together (data-parallel) shows 2 in the Workers column, a run trained alone 1. */
    @Test
    void aDataParallelRunShowsItsWorkers(@TempDir Path folder) throws Exception {
        Display display = Display.getCurrent();
        Path runs = folder.resolve("runs");
        System.setProperty(RunsPreferences.RUNS_PROPERTY, runs.toString());
        try {
            Path file = folder.resolve("parallel.experiment.yaml");
            Files.writeString(file, TinyAutoencoder.experiment("parallel", ""));
            CheckedExperiment checked = new ExperimentReader(Installed.registry()).read(file);
            Path alone = new ExperimentRunner(Installed.registry()).run(checked, runs, (line, end) -> { });
            Path together = runs.resolve("20261207-000000-parallel-2-workers");
            trainOnTwoProcesses(checked, together, folder.resolve("scratch"));

            IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            window.getShell().setSize(1500, 950);
            RunsView view = (RunsView) window.getActivePage().showView(RunViews.RUNS_VIEW_ID);
            view.refresh();
            Shots.until(display, "both runs in the table", () -> view.runs().size() == 2);
            for (RunInfo run : view.runs()) {
                assertEquals(run.directory().equals(together) ? "2" : "1", view.workersOf(run), run.name());
            }
            assertTrue(view.runs().stream().anyMatch(run -> run.directory().equals(alone)));
            view.sortBy("Workers");
            assertEquals(alone, view.visibleRuns().get(0).directory(), "fewest workers first");
            Shots.idle(display);
            Shots.take(display, window.getShell().getBounds(), "runs-workers.png");
        } finally {
            System.clearProperty(RunsPreferences.RUNS_PROPERTY);
        }
    }

    /** Rank 0 trains {@code run}, rank 1 follows it, their gradients summed over a ring on 127.0.0.1. */
    private static void trainOnTwoProcesses(CheckedExperiment checked, Path run, Path scratch) throws Exception {
        byte[] secret = "a test job's secret of 32 bytes!".getBytes(StandardCharsets.UTF_8);
        List<ServerSocket> servers = List.of(new ServerSocket(0, 8, InetAddress.getLoopbackAddress()),
                new ServerSocket(0, 8, InetAddress.getLoopbackAddress()));
        List<InetSocketAddress> peers = servers.stream().map(server -> new InetSocketAddress(InetAddress.getLoopbackAddress(),
                server.getLocalPort())).toList();
        ExecutorService ranks = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> done = new ArrayList<>();
            for (int rank = 0; rank < 2; rank++) {
                int r = rank;
                done.add(ranks.submit(() -> {
                    try (RingAllReduce ring = RingAllReduce.join(r, peers, servers.get(r), secret, Duration.ofSeconds(60))) {
                        ExperimentRunner runner = new ExperimentRunner(Installed.registry());
                        runner.dataParallel(ring);
                        if (r == 0) {
                            runner.runAt(checked, run, (line, end) -> { });
                        } else {
                            runner.follow(null, checked, scratch, (line, end) -> { });
                        }
                    }
                    return null;
                }));
            }
            for (Future<Object> rank : done) {
                rank.get(5, TimeUnit.MINUTES);
            }
        } finally {
            ranks.shutdownNow();
            for (ServerSocket server : servers) {
                server.close();
            }
        }
    }
}
