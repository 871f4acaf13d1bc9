package io.latentlab.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.nd4j.NativeMemory;

/**
 * The minibatch training loop: epochs of batches, a {@link TrainingStep} per batch, listeners,
 * cooperative cancellation after the current step, and resumption from a {@link TrainingState}.
 */
public final class Trainer {

    private final TrainingStep step;
    private final BatchSource data;
    private final int epochs;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    private volatile boolean cancelled;

    /**
     * @param step what each step does
     * @param data the minibatches
     * @param epochs how many epochs to train
     */
    public Trainer(TrainingStep step, BatchSource data, int epochs) {
        this.step = step;
        this.data = data;
        this.epochs = epochs;
    }

    /**
     * @param listener told after each step and epoch
     * @return this trainer
     */
    public Trainer addListener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /**
     * Stops the run with a clear message if a contribution it uses is uninstalled meanwhile.
     *
     * @param registry the registry to watch
     * @param ids the ids the run uses
     * @return a handle; close it when the run is over
     */
    public AutoCloseable watch(ContributionRegistry registry, Set<String> ids) {
        return registry.subscribe(event -> {
            if (!event.added() && ids.contains(event.contribution().id())) {
                stopReason.compareAndSet(null, event.contribution().kind().label() + " '" + event.contribution().id()
                        + "' was uninstalled (bundle " + event.contribution().bundle() + " "
                        + event.contribution().version() + ") while this run was using it");
            }
        });
    }

    /** Asks the loop to stop after the current step; {@link #run} then returns the state reached. */
    public void cancel() {
        cancelled = true;
    }

    /** @return whether {@link #cancel()} was called */
    public boolean isCancelled() {
        return cancelled;
    }

    /** @return the total number of steps of the whole run */
    public long totalSteps() {
        return data.batchesPerEpoch() * epochs;
    }

    /**
     * Trains from {@code start} until the last epoch ends or the run is cancelled.
     *
     * @param start where to begin ({@link TrainingState#START} or a checkpoint's state)
     * @return the state reached
     * @throws NonFiniteException if a loss or gradient becomes NaN/Inf
     * @throws ContributionRemovedException if a watched contribution is uninstalled
     */
    public TrainingState run(TrainingState start) {
        TrainingState state = start;
        for (int epoch = start.epoch(); epoch < epochs; epoch++) {
            Iterator<Batch> batches = data.epoch(epoch);
            long skip = epoch == start.epoch() ? start.batchInEpoch() : 0;
            for (long i = 0; i < skip && batches.hasNext(); i++) {
                batches.next();
            }
            Map<String, double[]> sums = new LinkedHashMap<>();
            long batchIndex = skip;
            while (batches.hasNext()) {
                if (cancelled) {
                    return state;
                }
                String reason = stopReason.get();
                if (reason != null) {
                    throw new ContributionRemovedException(reason);
                }
                Batch batch = batches.next();
                long stepNumber = state.step() + 1;
                Map<String, Double> metrics = step.step(batch, stepNumber);
                batchIndex++;
                state = new TrainingState(epoch, batchIndex, stepNumber);
                metrics.forEach((name, value) -> {
                    double[] sum = sums.computeIfAbsent(name, k -> new double[2]);
                    sum[0] += value;
                    sum[1]++;
                });
                for (TrainingListener listener : listeners) {
                    listener.stepDone(state, metrics);
                }
                NativeMemory.collectIfGrown();
            }
            state = new TrainingState(epoch + 1, 0, state.step());
            Map<String, Double> means = new LinkedHashMap<>();
            sums.forEach((name, sum) -> means.put(name, sum[0] / sum[1]));
            for (TrainingListener listener : new ArrayList<>(listeners)) {
                listener.epochDone(epoch, state, means);
            }
        }
        return state;
    }
}
