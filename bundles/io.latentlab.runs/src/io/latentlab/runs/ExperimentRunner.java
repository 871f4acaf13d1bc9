package io.latentlab.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.core.Contribution;
import io.latentlab.core.ContributionKind;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.RegisteredContribution;
import io.latentlab.core.data.AugmentationFactory;
import io.latentlab.core.data.Dataset;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.core.model.NodeInfo;
import io.latentlab.core.model.TrainedNetwork;
import io.latentlab.engine.ArrayBatchSource;
import io.latentlab.engine.Checkpoint;
import io.latentlab.engine.GradientExchange;
import io.latentlab.engine.ModelStep;
import io.latentlab.engine.Network;
import io.latentlab.engine.NetworkBuildException;
import io.latentlab.engine.TrainingState;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.Experiment;
import io.latentlab.experiments.ExperimentProblem;
import io.latentlab.experiments.InvalidExperimentException;
import io.latentlab.nd4j.NativeMemory;
import io.latentlab.nd4j.Nd4jRuntime;

/**
 * Trains a checked experiment into a {@link RunDirectory}: loads the dataset, builds the model
 * (shape problems reported at the layer's line), trains with metrics, evaluation, sample grids
 * and checkpoints at the experiment's cadence, and stops cleanly after the current step when
 * cancelled, with a final checkpoint.
 */
public final class ExperimentRunner {

    /** Told of progress, on the training thread. */
    public interface Progress {
        /**
         * @param line a one-line progress report (epoch, step, examples/s, ETA, losses)
         * @param endOfEpoch whether an epoch just ended
         */
        void report(String line, boolean endOfEpoch);

        /**
         * The run directory exists (snapshot written, training about to start): a viewer may open it.
         *
         * @param run the run directory
         */
        default void started(Path run) {
        }

        /**
         * @param step steps done
         * @param totalSteps steps planned
         */
        default void advanced(long step, long totalSteps) {
        }

        /**
         * The model was evaluated on the test set at the end of an epoch.
         *
         * @param epoch the epoch, from 1
         * @param metrics the test metrics
         * @param headlineMetric the one the model names as its headline
         */
        default void evaluated(int epoch, Map<String, Double> metrics, String headlineMetric) {
        }
    }

    private final ContributionRegistry registry;
    private volatile TrainingSession session;
    private volatile boolean cancelled;
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
    /** The other processes of a data-parallel run, or null. */
    private GradientExchange exchange;

    /**
     * @param registry the installed contributions
     */
    public ExperimentRunner(ContributionRegistry registry) {
        this.registry = registry;
    }

    /** Stops after the current step (a final checkpoint is written). */
    public void cancel() {
        cancelled = true;
        TrainingSession current = session;
        if (current != null) {
            current.cancel();
        }
        onCancel.forEach(Runnable::run);
    }

    /**
     * @param action run when this runner is cancelled (e.g. a sweep started under it stops its trials)
     */
    public void whenCancelled(Runnable action) {
        onCancel.add(action);
        if (cancelled) {
            action.run();
        }
    }

    /** @return whether {@link #cancel()} was called: this runner trains nothing more */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Trains into a new run directory.
     *
     * @param checked the experiment
     * @param runs the folder that holds runs
     * @param progress told of progress
     * @return the run directory
     * @throws InvalidExperimentException if the model cannot be built (e.g. shapes), before any training
     * @throws IOException if the data or the run directory cannot be read or written
     */
    public Path run(CheckedExperiment checked, Path runs, Progress progress) throws InvalidExperimentException, IOException {
        Prepared prepared = prepare(checked);
        try (RunDirectory run = create(checked, prepared, runs)) {
            progress.started(run.path());
            train(checked, prepared, run, TrainingState.START, progress);
            return run.path();
        }
    }

    /**
     * Trains as one process of a data-parallel run from now on: each step trains on this process's
     * shard of the batch (rows {@code [rank * n / N, (rank + 1) * n / N)} of the batch every process
     * draws alike) and sums the gradients with the others through {@code exchange}. Process 0
     * trains the run directory ({@link #runAt}, {@link #resume}); the others {@link #follow} it.
     *
     * @param exchange the processes' gradient sum
     */
    public void dataParallel(GradientExchange exchange) {
        this.exchange = exchange;
    }

    /**
     * Trains into a new run directory at a path chosen beforehand (a data-parallel run's).
     *
     * @param checked the experiment
     * @param directory the run directory to create
     * @param progress told of progress
     * @throws InvalidExperimentException if the model cannot be built (e.g. shapes), before any training
     * @throws IOException if the directory holds a run already, or the data cannot be read
     */
    public void runAt(CheckedExperiment checked, Path directory, Progress progress)
            throws InvalidExperimentException, IOException {
        Prepared prepared = prepare(checked);
        try (RunDirectory run = RunDirectory.createAt(directory)) {
            describe(checked, prepared, run);
            progress.started(run.path());
            train(checked, prepared, run, TrainingState.START, progress);
        }
    }

    /**
     * Trains alongside process 0 of a data-parallel run (see {@link #dataParallel}), into a run
     * directory of its own that nobody needs: from the checkpoint process 0 starts from, so that
     * both hold the same parameters, optimizer state and place in the data.
     *
     * @param checkpoint the checkpoint process 0 resumes from, or {@code null} when it starts anew
     * @param checked the experiment
     * @param scratch a folder for this process's run directory
     * @param progress told of progress
     * @return this process's run directory
     * @throws InvalidExperimentException if the model cannot be built
     * @throws IOException if the checkpoint or data cannot be read
     */
    public Path follow(Path checkpoint, CheckedExperiment checked, Path scratch, Progress progress)
            throws InvalidExperimentException, IOException {
        Prepared prepared = prepare(checked);
        TrainingState state = TrainingState.START;
        if (checkpoint != null) {
            Map<String, String> properties = new LinkedHashMap<>();
            prepared.step().restore(Checkpoint.loadArrays(checkpoint, properties), Long.parseLong(properties.get("step")));
            state = stateOf(properties);
        }
        try (RunDirectory run = create(checked, prepared, scratch)) {
            train(checked, prepared, run, state, progress);
            return run.path();
        }
    }

    /** A new run directory with the experiment snapshot, its origin, the resolved parameters and the bundles. */
    private RunDirectory create(CheckedExperiment checked, Prepared prepared, Path runs) throws IOException {
        RunDirectory run = RunDirectory.create(runs, checked.experiment().name());
        describe(checked, prepared, run);
        return run;
    }

    /** Writes the experiment snapshot, its origin, the resolved parameters and the bundles into a new run. */
    private void describe(CheckedExperiment checked, Prepared prepared, RunDirectory run) throws IOException {
        run.write(RunDirectory.SNAPSHOT, checked.experiment().text());
        run.write(RunDirectory.ORIGIN, checked.experiment().file().toAbsolutePath().normalize() + "\n");
        run.writeJson(RunDirectory.RESOLVED, checked.resolved());
        run.writeJson(RunDirectory.BUNDLES, bundles(checked, prepared));
        run.log("dataset: " + prepared.dataset().name());
        if (exchange != null) {
            run.log("data-parallel: " + exchange.processes() + " processes, each training on its share of every batch");
        }
    }

    /**
     * Starts a new run from the checkpoint another run kept where one of its phases began (e.g.
     * fine-tuning after layer-wise pre-training), with this experiment's settings: the new run
     * has the source's metrics up to that step and continues from there.
     *
     * @param source the run whose phase checkpoint is used
     * @param phase the phase number (its training steps report {@code phase})
     * @param checked the experiment for the new run (same networks; other settings may differ)
     * @param runs the folder that holds runs
     * @param progress told of progress
     * @return the new run directory
     * @throws InvalidExperimentException if the model cannot be built
     * @throws IOException if the source has no checkpoint for that phase, or a file cannot be read or written
     */
    public Path branch(Path source, int phase, CheckedExperiment checked, Path runs, Progress progress)
            throws InvalidExperimentException, IOException {
        Path checkpoint = source.resolve(RunDirectory.phaseCheckpoint(phase));
        if (!Files.isRegularFile(checkpoint)) {
            List<Integer> kept = RunFolders.phases(source);
            throw new IOException(source + " has no checkpoint where phase " + phase + " begins; it keeps "
                    + (kept.isEmpty() ? "none (phase checkpoints are kept for models that report phases)"
                            : kept.stream().map(n -> "phase-" + n + ".ckpt").toList()));
        }
        Prepared prepared = prepare(checked);
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, INDArray> arrays = Checkpoint.loadArrays(checkpoint, properties);
        try {
            prepared.step().restore(arrays, Long.parseLong(properties.get("step")));
        } catch (RuntimeException e) {
            throw new IOException("the checkpoint of phase " + phase + " of " + source + " does not fit this experiment's"
                    + " model (the networks must be the same): " + e.getMessage(), e);
        }
        TrainingState state = stateOf(properties);
        try (RunDirectory run = create(checked, prepared, runs)) {
            run.log("branched from " + source.toAbsolutePath().normalize() + " where phase " + phase + " begins (step "
                    + (state.step() + 1) + ")");
            run.copyMetricsUpTo(source, state.step());
            progress.started(run.path());
            train(checked, prepared, run, state, progress);
            return run.path();
        }
    }

    /**
     * Continues an interrupted run from its last checkpoint, to the same numbers as an
     * uninterrupted run.
     *
     * @param directory the run directory
     * @param checked its experiment (read from the run's snapshot)
     * @param progress told of progress
     * @throws InvalidExperimentException if the model cannot be built
     * @throws IOException if the checkpoint or data cannot be read
     */
    public void resume(Path directory, CheckedExperiment checked, Progress progress)
            throws InvalidExperimentException, IOException {
        try (RunDirectory run = RunDirectory.open(directory)) {
            Prepared prepared = prepare(checked);
            Map<String, String> properties = new LinkedHashMap<>();
            Map<String, INDArray> arrays = loadCheckpoint(directory, properties, run, progress);
            prepared.step().restore(arrays, Long.parseLong(properties.get("step")));
            TrainingState state = stateOf(properties);
            int damaged = run.cutMetricsAfter(state.step());
            if (damaged > 0) {
                run.log(damaged + " damaged line(s) of " + RunDirectory.METRICS + " dropped");
            }
            run.log("resumed at step " + state.step());
            train(checked, prepared, run, state, progress);
        }
    }

    /**
     * The run's last checkpoint, or the newest one before it that can be read when the last is
     * missing or damaged (a crash while it was written, a bad disk): said in the run's log and in
     * the progress.
     */
    private static Map<String, INDArray> loadCheckpoint(Path directory, Map<String, String> properties, RunDirectory run,
            Progress progress) throws IOException {
        try {
            return Checkpoint.loadArrays(directory.resolve(RunDirectory.CHECKPOINT), properties);
        } catch (IOException last) {
            // newest first; one may be missing (a crash between two renames), older ones still count
            for (int k = 1; k <= RunDirectory.MAX_KEPT_CHECKPOINTS; k++) {
                if (!Files.isRegularFile(directory.resolve(RunDirectory.olderCheckpoint(k)))) {
                    continue;
                }
                properties.clear();
                try {
                    Map<String, INDArray> arrays = Checkpoint.loadArrays(directory.resolve(RunDirectory.olderCheckpoint(k)),
                            properties);
                    String message = "the last checkpoint cannot be used (" + last.getMessage() + "); resuming from "
                            + (k == 1 ? "the previous one" : "the one " + k + " before it") + ", at step "
                            + properties.get("step");
                    run.log(message);
                    progress.report(message, false);
                    return arrays;
                } catch (IOException alsoDamaged) {
                    last.addSuppressed(alsoDamaged);
                }
            }
            throw last;
        }
    }

    /**
     * A finished or stopped run, loaded with its last checkpoint.
     *
     * @param dataset the run's dataset
     * @param model the model with the checkpoint's parameters
     */
    public record LoadedRun(Dataset dataset, Model model) {
    }

    /**
     * Loads a run's model from its last checkpoint, for evaluation and sampling.
     *
     * @param directory the run directory
     * @param checked its experiment (read from the run's snapshot)
     * @return the dataset and the restored model
     * @throws InvalidExperimentException if the model cannot be built
     * @throws IOException if the checkpoint or data cannot be read
     */
    public LoadedRun load(Path directory, CheckedExperiment checked) throws InvalidExperimentException, IOException {
        Prepared prepared = prepare(checked);
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, INDArray> arrays = Checkpoint.loadArrays(directory.resolve(RunDirectory.CHECKPOINT), properties);
        prepared.step().restore(arrays, Long.parseLong(properties.getOrDefault("step", "0")));
        return new LoadedRun(prepared.dataset(), prepared.model());
    }

    /** The dataset, the model built for it, and the engine's step over the model with the experiment's optimizers. */
    private record Prepared(Dataset dataset, Model model, ModelStep step, ArrayBatchSource batches) {
    }

    /**
     * The networks the experiment's model trains, as it builds them for its dataset (for the
     * network view: every layer with its shapes and parameter count).
     *
     * @param checked the experiment
     * @return its networks, in the order the model builds them
     * @throws InvalidExperimentException if the model cannot be built (e.g. shapes)
     * @throws IOException if the dataset cannot be read
     */
    public List<TrainedNetwork> networks(CheckedExperiment checked) throws InvalidExperimentException, IOException {
        return prepare(checked).model().networks();
    }

    private Prepared prepare(CheckedExperiment checked) throws InvalidExperimentException, IOException {
        Nd4jRuntime.initialize();
        Experiment experiment = checked.experiment();
        Path base = experiment.file().toAbsolutePath().getParent();
        Dataset dataset = checked.dataset().load(checked.datasetParameters(), base);
        requireImagesWhereNeeded(checked, dataset);
        long batch = experiment.training().batchSize();
        long stepsPerEpoch = (dataset.trainFeatures().size(0) + batch - 1) / batch; // as ArrayBatchSource counts
        ModelSetup setup = new ModelSetup(checked.modelParameters(), experiment.stacks(), dataset.exampleShape(),
                dataset.classes(), registry, DataType.FLOAT, experiment.seed(), stepsPerEpoch);
        Experiment.Training training = experiment.training();
        ArrayBatchSource batches = new ArrayBatchSource(dataset.trainFeatures(), dataset.trainLabels(),
                training.batchSize(), true, experiment.seed());
        try {
            Model model = checked.model().create(setup);
            requireActivationsFit(checked, model, Math.min(batch, dataset.trainFeatures().size(0)));
            ModelStep step = new ModelStep(model, checked.optimizers(), registry, training.clipNorm(), training.clipValue(),
                    batches.batchesPerEpoch() * training.epochs());
            return new Prepared(dataset, model, step, batches);
        } catch (NetworkBuildException e) {
            throw new InvalidExperimentException(List.of(problemAt(checked, e.node(), e.getMessage())));
        } catch (IllegalArgumentException e) {
            throw new InvalidExperimentException(List.of(problemAt(checked, "", e.getMessage())));
        }
    }

    /** An augmentation of images on a dataset of vectors is refused: it would take each vector for a one-pixel-high image. */
    private void requireImagesWhereNeeded(CheckedExperiment checked, Dataset dataset) throws InvalidExperimentException {
        List<ExperimentProblem> problems = new ArrayList<>();
        for (int i = 0; i < checked.augmentations().size(); i++) {
            String id = checked.augmentations().get(i).id();
            boolean images = registry.find(AugmentationFactory.class, id).map(AugmentationFactory::needsImages).orElse(false);
            if (images && dataset.exampleShape().rank() != 3) {
                String path = "augmentations[" + i + "]";
                int[] position = checked.positions().of(path);
                problems.add(new ExperimentProblem(checked.experiment().file().toString(), position[0], position[1], path,
                        id + " works on images [channels, height, width], and " + dataset.name() + " gives examples of"
                                + " shape " + dataset.exampleShape() + " (give the dataset a shape, e.g. shape: [1, 28, 28]"
                                + " for a csv of 784 values, or leave this augmentation out)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidExperimentException(problems);
        }
    }

    /**
     * Refuses a batch whose activations cannot be held, before the first step allocates them:
     * libnd4j takes the process down when an allocation is refused. Counted per example: each
     * layer's output, its gradient and one work buffer, in float32.
     */
    private static void requireActivationsFit(CheckedExperiment checked, Model model, long batch)
            throws InvalidExperimentException {
        long perExample = 0;
        NodeInfo largest = null;
        for (TrainedNetwork trained : model.networks()) {
            if (trained instanceof Network network) {
                for (NodeInfo node : network.nodes()) {
                    perExample += node.outputShape().size();
                    if (largest == null || node.outputShape().size() > largest.outputShape().size()) {
                        largest = node;
                    }
                }
            }
        }
        long bytesPerExample = perExample * 3 * Float.BYTES;
        long bytes = bytesPerExample > 0 && batch > Long.MAX_VALUE / bytesPerExample ? Long.MAX_VALUE : bytesPerExample * batch;
        if (largest == null || NativeMemory.fits(bytes)) {
            return;
        }
        long available = NativeMemory.availableBytes();
        String path = "training.batch_size";
        int[] position = checked.positions().of(path);
        throw new InvalidExperimentException(List.of(new ExperimentProblem(checked.experiment().file().toString(),
                position[0], position[1], path, String.format(Locale.ROOT, "a batch of %,d examples needs about %.1f GB"
                        + " for the layers' activations (each layer's output, its gradient and a work buffer: %,d values"
                        + " per example) but %.1f GB are available to arrays: a batch of at most %,d fits (layer '%s' alone"
                        + " gives %,d values per example)", batch, bytes / 1e9, perExample, available / 1e9,
                        available / bytesPerExample, largest.name(), largest.outputShape().size()))));
    }

    private static ExperimentProblem problemAt(CheckedExperiment checked, String layer, String message) {
        String path = "model";
        for (Map.Entry<String, List<LayerEntry>> stack : checked.experiment().stacks().entrySet()) {
            for (int i = 0; i < stack.getValue().size(); i++) {
                if (stack.getValue().get(i).name().equals(layer)) {
                    path = "model." + stack.getKey() + "[" + i + "]";
                }
            }
        }
        int[] position = checked.positions().of(path);
        return new ExperimentProblem(checked.experiment().file().toString(), position[0], position[1], path, message);
    }

    private void train(CheckedExperiment checked, Prepared prepared, RunDirectory run, TrainingState start,
            Progress progress) throws IOException {
        if (exchange != null) {
            prepared.step().exchange(exchange); // after any restore: it gives each process its own random draws
        }
        TrainingSession current = new TrainingSession(checked, prepared.dataset(), prepared.model(), prepared.step(),
                prepared.batches(), run, progress, exchange);
        session = current;
        if (cancelled) {
            current.cancel();
        }
        try {
            current.train(start, registry);
        } finally {
            session = null;
        }
    }

    /** @return where training is, from a checkpoint's record of it */
    static TrainingState stateOf(Map<String, String> properties) {
        return new TrainingState(Integer.parseInt(properties.get("epoch")), Long.parseLong(properties.get("batchInEpoch")),
                Long.parseLong(properties.get("step")));
    }

    /** @return a checkpoint's record of where training is */
    static Map<String, String> checkpointProperties(TrainingState state) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("epoch", Integer.toString(state.epoch()));
        properties.put("batchInEpoch", Long.toString(state.batchInEpoch()));
        properties.put("step", Long.toString(state.step()));
        return properties;
    }

    private List<Map<String, String>> bundles(CheckedExperiment checked, Prepared prepared) {
        List<String> ids = new ArrayList<>(prepared.model().contributionIds());
        ids.addAll(prepared.step().contributionIds());
        checked.augmentations().forEach(augmentation -> ids.add(augmentation.id()));
        ids.add(checked.dataset().id());
        ids.add(checked.model().id());
        List<Map<String, String>> used = new ArrayList<>();
        for (ContributionKind kind : ContributionKind.all()) {
            for (RegisteredContribution<? extends Contribution> registered : registry.list(kind.serviceType())) {
                if (registered.kind().equals(kind) && ids.contains(registered.id())) {
                    used.add(Map.of("kind", kind.label(), "id", registered.id(), "bundle", registered.bundle(), "version",
                            registered.version()));
                }
            }
        }
        return used;
    }
}
