package io.latentlab.ui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.MetricsTail;
import io.latentlab.runs.RunDirectory;

/**
 * Train on Spark: the driver's {@code train FILE --workers N}, one model trained by N workers
 * together, each on its share of every batch (docs/cluster.md). Progress counts the epochs the run
 * has begun past, read from its metrics in the runs folder, where it appears in the Runs view.
 */
public final class SparkTrainingJob extends SparkSubmitJob {

    private final Path experiment;
    private final int workers;
    private final ContributionRegistry registry;
    private final long submitted = System.currentTimeMillis();
    private MetricsTail metrics;
    private int epochsBegun;

    /**
     * @param experiment an experiment file
     * @param workers the processes training together (one task slot each)
     * @param registry the installed contributions (to read the experiment's epochs)
     */
    public SparkTrainingJob(Path experiment, int workers, ContributionRegistry registry) {
        super("Spark training of " + experiment.getFileName() + " on " + workers + " workers");
        this.experiment = experiment;
        this.workers = workers;
        this.registry = registry;
    }

    /** @return the name the driver gives the run's folder after its start time: the file's name */
    private String name() {
        return experiment.getFileName().toString().replace(".experiment.yaml", "");
    }

    @Override
    protected List<String> driverArguments() {
        return List.of("train", experiment.toAbsolutePath().toString(), "--workers", Integer.toString(workers));
    }

    @Override
    protected Path log(Path runs) throws IOException {
        return Files.createDirectories(runs).resolve("spark-train-" + name() + ".log");
    }

    @Override
    protected int totalWork() throws Exception {
        return new ExperimentReader(registry).read(experiment).experiment().training().epochs();
    }

    /** @return epochs completed by the run this submit started (the newest of the file's name since then) */
    @Override
    protected int workDone(Path runs) throws IOException {
        if (metrics == null) {
            Optional<Path> run = started(runs);
            if (run.isEmpty()) {
                return 0;
            }
            metrics = new MetricsTail(run.get());
        }
        for (MetricsTail.Point point : metrics.next()) {
            epochsBegun = Math.max(epochsBegun, point.epoch());
        }
        return Math.max(0, epochsBegun - 1);
    }

    private Optional<Path> started(Path runs) throws IOException {
        try (Stream<Path> folders = Files.list(runs)) {
            return folders.filter(folder -> folder.getFileName().toString().endsWith("-" + name()))
                    .filter(folder -> Files.isRegularFile(folder.resolve(RunDirectory.SNAPSHOT)))
                    .filter(folder -> folder.toFile().lastModified() >= submitted - 2000)
                    .max(Comparator.comparing(Path::toString));
        }
    }

    @Override
    protected String progress(int done, int total) {
        return done + " of " + total + " epochs done, " + workers + " workers";
    }
}
