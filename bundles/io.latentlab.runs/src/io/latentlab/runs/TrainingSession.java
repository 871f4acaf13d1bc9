package io.latentlab.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.data.Dataset;
import io.latentlab.core.model.Figure;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.NodeInfo;
import io.latentlab.engine.ArrayBatchSource;
import io.latentlab.engine.Batch;
import io.latentlab.engine.Checkpoint;
import io.latentlab.engine.GradientExchange;
import io.latentlab.engine.ModelStep;
import io.latentlab.engine.Trainer;
import io.latentlab.engine.TrainingListener;
import io.latentlab.engine.TrainingState;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.Experiment;

/**
 * One training of a run, from a starting point to the end or to a stop: the engine's loop
 * over augmented batches, and what the run directory records along the way — each step's
 * metrics, the progress line, a checkpoint where a model's phase begins, and at each epoch's
 * end the evaluation, the sample grid and the checkpoint, at the experiment's cadence.
 */
final class TrainingSession implements TrainingListener {

    /** Test examples shown in each sample grid. */
    private static final int SAMPLES = 32;
    /** Test examples a model's figures may use (the sample grid's first). */
    private static final int FIGURE_EXAMPLES = 1000;

    private final CheckedExperiment checked;
    private final Experiment.Training settings;
    private final Dataset dataset;
    private final Model model;
    private final ModelStep step;
    /** The processes of a data-parallel run, each training on its share of every batch, or null. */
    private final GradientExchange exchange;
    private final ArrayBatchSource batches;
    private final RunDirectory run;
    private final ExperimentRunner.Progress progress;
    private final Trainer trainer;
    private final long totalSteps;
    private final INDArray sampleInputs;
    private final INDArray sampleLabels;
    private final Map<String, Double> lastEvaluation = new LinkedHashMap<>();
    private final ProgressPace pace = new ProgressPace();
    private long started;
    /** Time spent at epochs' ends (evaluation, samples, checkpoints), left out of the training speed. */
    private long epochEndNanos;
    private long startStep;
    private IOException failure;
    /** The last step's phase (models that train in phases report a {@code phase} metric), or null. */
    private Double phase;
    /** The state at the end of the last epoch, kept until the next step says whether a phase began there. */
    private Map<String, INDArray> epochEndState;
    private TrainingState epochEnd;

    TrainingSession(CheckedExperiment checked, Dataset dataset, Model model, ModelStep step, ArrayBatchSource batches,
            RunDirectory run, ExperimentRunner.Progress progress, GradientExchange exchange) {
        this.checked = checked;
        this.exchange = exchange;
        this.settings = checked.experiment().training();
        this.dataset = dataset;
        this.model = model;
        this.step = step;
        this.batches = batches;
        this.run = run;
        this.progress = progress;
        this.trainer = new Trainer(this::augmentedStep, batches, settings.epochs());
        this.totalSteps = batches.batchesPerEpoch() * settings.epochs();
        this.sampleInputs = dataset.testFeatures().get(NDArrayIndex.interval(0, Math.min(SAMPLES,
                dataset.testFeatures().size(0))));
        this.sampleLabels = dataset.testLabels() == null ? null
                : dataset.testLabels().get(NDArrayIndex.interval(0, sampleInputs.size(0)));
        trainer.addListener(this);
    }

    /** Stops after the current step; {@link #train} then writes a checkpoint and returns. */
    void cancel() {
        trainer.cancel();
    }

    /**
     * Trains from {@code start} until the last epoch or a stop, and records how it ended.
     *
     * @param start where to begin
     * @param registry watched: a contribution uninstalled meanwhile stops the run
     * @throws IOException if the run directory cannot be written (the run is marked failed)
     */
    void train(TrainingState start, ContributionRegistry registry) throws IOException {
        started = System.nanoTime();
        startStep = start.step();
        run.status("running", "started at step " + start.step());
        TrainingState reached = runTrainer(start, registry);
        if (failure != null) {
            run.status("failed", failure.getMessage());
            throw failure;
        }
        boolean finished = reached.epoch() >= settings.epochs();
        if (!finished) {
            checkpoint(reached);
        }
        writeSummary(reached, finished);
        run.status(finished ? "completed" : "stopped", finished ? "all epochs done"
                : "stopped after step " + reached.step() + "; continue with: latentlab resume " + run.path());
        run.log(finished ? "completed" : "stopped at step " + reached.step());
    }

    private TrainingState runTrainer(TrainingState start, ContributionRegistry registry) throws IOException {
        Set<String> used = new HashSet<>(model.contributionIds());
        used.addAll(step.contributionIds());
        AutoCloseable watch = trainer.watch(registry, used);
        try {
            return trainer.run(start);
        } catch (RuntimeException e) {
            run.log("failed: " + e);
            run.status("failed", String.valueOf(e.getMessage()));
            throw e;
        } finally {
            try {
                watch.close();
            } catch (Exception e) {
                // the registry is going away with the framework: nothing more to unsubscribe from
            }
        }
    }

    /** The engine's step on the batch after the experiment's augmentations. */
    private Map<String, Double> augmentedStep(Batch batch, long number) {
        INDArray features = batch.features();
        // one generator per step, so that a resumed run draws the same augmentations
        SplittableRandom random = new SplittableRandom(checked.experiment().seed() * 1_000_003L + number);
        for (CheckedExperiment.AugmentationChoice augmentation : checked.augmentations()) {
            features = augmentation.augmentation().apply(features, random);
        }
        if (exchange == null || exchange.processes() == 1) {
            return step.step(features, batch.labels(), number);
        }
        // every process draws and augments the whole batch alike, then trains on its rows of it
        long size = features.size(0);
        long from = exchange.rank() * size / exchange.processes();
        long to = (exchange.rank() + 1) * size / exchange.processes();
        INDArrayIndex rows = NDArrayIndex.interval(from, to);
        INDArray labels = batch.labels() == null ? null : batch.labels().get(rows).dup();
        return step.step(features.get(rows).dup(), labels, number, (to - from) / (double) size);
    }

    @Override
    public void stepDone(TrainingState state, Map<String, Double> metrics) {
        try {
            keepPhaseCheckpoint(state, metrics.get("phase"));
            recordMetrics(state, metrics);
            reportProgress(state, metrics);
        } catch (IOException e) {
            stop(e);
        }
    }

    @Override
    public void epochDone(int epoch, TrainingState state, Map<String, Double> means) {
        long begun = System.nanoTime();
        int done = epoch + 1;
        try {
            rememberEpochEnd(state);
            if (done % settings.evaluateEvery() == 0 || done == settings.epochs()) {
                evaluate(done, state);
            }
            if (done % settings.sampleEvery() == 0 || done == settings.epochs()) {
                ImageGrid.writeBands(model.illustrate(sampleInputs, sampleLabels), 8,
                        RunFolders.epochFile(run.path().resolve(RunFolders.SAMPLES), done, "png"));
                drawFigures(done);
            }
            if (done % settings.checkpointEvery() == 0 || done == settings.epochs()) {
                checkpoint(state);
            }
            String line = String.format(Locale.ROOT, "epoch %d/%d done: train loss %.5f%s", done, settings.epochs(),
                    means.getOrDefault("loss", Double.NaN), describe(lastEvaluation));
            run.log(line);
            progress.report(line, true);
        } catch (IOException e) {
            stop(e);
        } finally {
            epochEndNanos += System.nanoTime() - begun;
        }
    }

    /**
     * Draws the model's figures for an epoch. A figure that fails (a model plugin's bug) is written to
     * the run's log and left out: the training and the rest of the run are worth more than a figure.
     */
    private void drawFigures(int epoch) throws IOException {
        long count = Math.min(FIGURE_EXAMPLES, dataset.testFeatures().size(0));
        INDArray features = dataset.testFeatures().get(NDArrayIndex.interval(0, count));
        INDArray labels = dataset.testLabels() == null ? null
                : dataset.testLabels().get(NDArrayIndex.interval(0, count));
        List<Figure> figures;
        try {
            figures = model.figures(features, labels);
        } catch (RuntimeException e) {
            run.log("figures of model " + checked.model().id() + " failed at epoch " + epoch + ", left out: " + e);
            return;
        }
        Set<String> ids = new HashSet<>();
        for (Figure figure : figures) {
            if (!ids.add(figure.id())) {
                run.log("model " + checked.model().id() + " drew figure '" + figure.id() + "' twice; the second is left out");
                continue;
            }
            try {
                RunFigures.write(run.path(), figure, epoch);
            } catch (RuntimeException e) {
                run.log("figure '" + figure.id() + "' of model " + checked.model().id() + " cannot be drawn, left out: " + e);
            }
        }
    }

    /** A run directory that cannot be written stops the training; {@link #train} reports it. */
    private void stop(IOException e) {
        failure = e;
        trainer.cancel();
    }

    /**
     * Where a model's phase begins (the stacked autoencoder's fine-tuning), the state of the
     * epoch's end before it is kept as that phase's checkpoint, for branching.
     */
    private void keepPhaseCheckpoint(TrainingState state, Double current) throws IOException {
        if (current != null && phase != null && !current.equals(phase) && epochEndState != null
                && state.batchInEpoch() == 1) {
            String file = RunDirectory.phaseCheckpoint(current.intValue());
            Checkpoint.saveArrays(run.path().resolve(file), epochEndState, ExperimentRunner.checkpointProperties(epochEnd));
            run.log("phase " + current.intValue() + " begins at step " + state.step() + "; checkpoint " + file);
        }
        phase = current;
    }

    private void rememberEpochEnd(TrainingState state) {
        if (phase != null) {
            Map<String, INDArray> copy = new LinkedHashMap<>();
            step.state().forEach((name, array) -> copy.put(name, array.dup()));
            epochEndState = copy;
            epochEnd = state;
        }
    }

    private void recordMetrics(TrainingState state, Map<String, Double> metrics) throws IOException {
        for (Map.Entry<String, Double> metric : metrics.entrySet()) {
            run.metric(state.step(), state.epoch() + 1, "train_" + metric.getKey(), metric.getValue());
        }
    }

    private void reportProgress(TrainingState state, Map<String, Double> metrics) throws IOException {
        boolean endOfEpoch = state.batchInEpoch() == batches.batchesPerEpoch();
        if (pace.report(endOfEpoch)) {
            String line = progressLine(state, metrics);
            progress.report(line, false);
            progress.advanced(state.step(), totalSteps);
            if (pace.write(endOfEpoch)) { // for dashboards, which read run directories, not this process
                run.write(RunDirectory.PROGRESS, line + "\n");
            }
        }
    }

    private void evaluate(int epoch, TrainingState state) throws IOException {
        lastEvaluation.putAll(model.evaluate(dataset.testFeatures(), dataset.testLabels()));
        step.evaluated(Map.copyOf(lastEvaluation), model.headlineMetric());
        for (Map.Entry<String, Double> metric : lastEvaluation.entrySet()) {
            run.metric(state.step(), epoch, metric.getKey(), metric.getValue());
        }
        progress.evaluated(epoch, Map.copyOf(lastEvaluation), model.headlineMetric());
    }

    private void checkpoint(TrainingState state) throws IOException {
        // keep_checkpoints of them: the older ones move down one place, and the last good one becomes
        // the previous once the new one is complete, so a crash or a full disk while it is written, or
        // damage to it later, leaves one to resume from
        int keep = settings.keepCheckpoints();
        for (int k = keep - 1; k >= 2; k--) {
            Path older = run.path().resolve(RunDirectory.olderCheckpoint(k - 1));
            if (Files.isRegularFile(older)) {
                Files.move(older, run.path().resolve(RunDirectory.olderCheckpoint(k)), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Checkpoint.saveArrays(run.path().resolve(RunDirectory.CHECKPOINT), step.state(),
                ExperimentRunner.checkpointProperties(state),
                keep >= 2 ? run.path().resolve(RunDirectory.PREVIOUS_CHECKPOINT) : null);
    }

    /** @return whether the model encodes examples into codes (for latent-space views) */
    private boolean encodes() {
        try {
            model.encode(sampleInputs.get(NDArrayIndex.interval(0, 1)));
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private void writeSummary(TrainingState reached, boolean finished) throws IOException {
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", finished ? "completed" : "stopped");
        summary.put("experiment", checked.experiment().name());
        summary.put("model", checked.model().id());
        summary.put("dataset", dataset.name());
        summary.put("steps", reached.step());
        summary.put("epochs_completed", reached.epoch());
        summary.put("processes", exchange == null ? 1 : exchange.processes()); // data-parallel: how many trained it
        summary.put("seconds", Math.round(seconds * 10) / 10.0);
        long examples = (reached.step() - startStep) * settings.batchSize();
        summary.put("examples_per_second", Math.round(examples / Math.max(seconds, 1e-9)));
        // the steps alone, as PyTorch references time their training loops
        double trainingSeconds = seconds - epochEndNanos / 1e9;
        summary.put("training_seconds", Math.round(trainingSeconds * 10) / 10.0);
        summary.put("training_examples_per_second", Math.round(examples / Math.max(trainingSeconds, 1e-9)));
        summary.put("headline_metric", model.headlineMetric());
        summary.put(RunInfo.LATENT_CODES, encodes());
        Map<String, Long> networks = new LinkedHashMap<>();
        model.networks().forEach(network -> networks.put(network.name(), network.nodes().stream()
                .mapToLong(NodeInfo::parameterCount).sum()));
        summary.put("networks", networks); // trainable values per network
        summary.put("metrics", lastEvaluation);
        run.writeJson(RunDirectory.SUMMARY, summary);
    }

    private static String describe(Map<String, Double> evaluation) {
        StringBuilder text = new StringBuilder();
        evaluation.forEach((name, value) -> text.append(String.format(Locale.ROOT, ", %s %.5f", name, value)));
        return text.toString();
    }

    /** "epoch 2/10 [#####.....] step 120/600  3,100 ex/s  ETA 0:42  loss 0.12345" */
    private String progressLine(TrainingState state, Map<String, Double> metrics) {
        double seconds = (System.nanoTime() - started) / 1e9;
        double stepsPerSecond = (state.step() - startStep) / Math.max(seconds, 1e-9);
        long remaining = (long) ((totalSteps - state.step()) / Math.max(stepsPerSecond, 1e-9));
        int width = 24;
        int filled = (int) (width * state.step() / Math.max(1, totalSteps));
        return String.format(Locale.ROOT, "epoch %d/%d [%s%s] step %d/%d  %,.0f ex/s  ETA %d:%02d  loss %.5f",
                Math.min(state.epoch() + 1, settings.epochs()), settings.epochs(), "#".repeat(filled),
                ".".repeat(width - filled), state.step(), totalSteps, stepsPerSecond * settings.batchSize(),
                remaining / 60, remaining % 60, metrics.getOrDefault("loss", Double.NaN));
    }
}
