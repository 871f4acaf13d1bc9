package io.latentlab.ui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.runs.RunDirectory;
import io.latentlab.studies.Sweep;

/**
 * Submit Sweep to Spark: the driver's {@code sweep} on an experiment's sweep; progress counts the
 * trials done in the sweep's folder, where the trials appear in the Runs view as they start.
 */
public final class SparkSweepJob extends SparkSubmitJob {

    /** The log spark-submit writes, in the sweep's folder. */
    public static final String LOG = "spark-submit.log";

    private final Path experiment;
    private final ContributionRegistry registry;

    /**
     * @param experiment an experiment file with a sweep
     * @param registry the installed contributions (to count the trials)
     */
    public SparkSweepJob(Path experiment, ContributionRegistry registry) {
        super("Spark sweep of " + experiment.getFileName());
        this.experiment = experiment;
        this.registry = registry;
    }

    @Override
    protected List<String> driverArguments() {
        return List.of("sweep", experiment.toAbsolutePath().toString());
    }

    @Override
    protected Path log(Path runs) throws IOException {
        return Files.createDirectories(runs.resolve(Sweep.folderName(experiment))).resolve(LOG);
    }

    @Override
    protected int totalWork() throws Exception {
        return new Sweep(registry).trials(experiment).size();
    }

    /** @return the trials in the sweep's folder that finished (a summary written) */
    @Override
    protected int workDone(Path runs) throws IOException {
        try (Stream<Path> trials = Files.list(runs.resolve(Sweep.folderName(experiment)))) {
            return (int) trials.filter(run -> Files.isRegularFile(run.resolve(RunDirectory.SUMMARY))).count();
        }
    }

    @Override
    protected String progress(int done, int total) {
        return done + " of " + total + " trials done (" + Sweep.folderName(experiment) + ")";
    }
}
