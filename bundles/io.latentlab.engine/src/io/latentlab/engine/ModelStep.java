package io.latentlab.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.latentlab.core.Contribution;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.RegisteredContribution;
import io.latentlab.core.loss.LossFactory;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.TrainedNetwork;
import io.latentlab.core.model.Update;
import io.latentlab.core.optim.LearningRateSchedule;
import io.latentlab.core.optim.Optimizer;
import io.latentlab.core.optim.OptimizerChoice;
import io.latentlab.core.optim.OptimizerFactory;
import io.latentlab.core.optim.ScheduleChoice;
import io.latentlab.core.optim.ScheduleFactory;
import io.latentlab.nd4j.Reductions;

/**
 * The engine's training step, the same for every model: for each of the model's updates, the
 * model computes its loss and gradients (its own mathematics); the engine then checks them for
 * NaN and infinity, clips them, applies each network's learning-rate schedule and optimizer,
 * and reports the step's metrics: every loss term, the gradient norm of each update and the
 * learning rate of each optimizer. It owns the optimizers, so it also saves and restores them
 * with the networks ({@link #state()}, {@link #restore}).
 * <p>
 * When a loss or gradient is not finite, the update is computed again with every value checked
 * as it is computed (forward, then backward): the first bad one is reported with its network,
 * its layer or attached activation, and the bundle that contributed it.
 */
public final class ModelStep {

    /** The metric of each update's gradient norm (before clipping), {@code grad_norm_<update>} for named updates. */
    public static final String GRADIENT_NORM = "grad_norm";
    /** The metric of each optimizer's learning rate, {@code learning_rate_<key>} when networks have their own. */
    public static final String LEARNING_RATE = "learning_rate";
    /** The name of a model's default (single) update. */
    public static final String DEFAULT_UPDATE = "step";

    /** One trained network with its optimizer, schedule and update count. */
    private static final class Slot {
        final TrainedNetwork network;
        final Optimizer optimizer;
        final double baseRate;
        final ScheduledRate rate;
        final String optimizerOrigin;
        final String rateMetric;
        long updates;

        Slot(TrainedNetwork network, Optimizer optimizer, ScheduledRate rate, String optimizerOrigin, String rateMetric) {
            this.network = network;
            this.optimizer = optimizer;
            this.baseRate = optimizer.learningRate();
            this.rate = rate;
            this.optimizerOrigin = optimizerOrigin;
            this.rateMetric = rateMetric;
        }
    }

    private final Model model;
    private final ContributionRegistry registry;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Set<String> contributionIds = new LinkedHashSet<>();
    private final double clipNorm;
    private final double clipValue;
    private final long totalSteps;
    /** The other processes of a data-parallel run, or null. */
    private GradientExchange exchange;

    /**
     * @param model the model to train
     * @param optimizers the experiment's optimizer choices: {@link OptimizerChoice#DEFAULT_KEY} for
     *        {@code optimizer:}, else a network's {@link TrainedNetwork#optimizerKey()}
     * @param registry where optimizer and schedule ids are looked up
     * @param clipNorm rescale an update's gradients whose joint L2 norm exceeds this; 0 never
     * @param clipValue clamp every gradient value to [-clipValue, clipValue] first; 0 never
     * @param totalSteps the planned steps of the run (for schedules)
     * @throws IllegalArgumentException if a network has no optimizer, or the model names no network
     */
    public ModelStep(Model model, Map<String, OptimizerChoice> optimizers, ContributionRegistry registry,
            double clipNorm, double clipValue, long totalSteps) {
        this.model = model;
        this.registry = registry;
        this.clipNorm = clipNorm;
        this.clipValue = clipValue;
        this.totalSteps = totalSteps;
        List<TrainedNetwork> networks = model.networks();
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("the model names no network to train");
        }
        Set<String> keys = new LinkedHashSet<>();
        for (TrainedNetwork network : networks) {
            keys.add(optimizers.containsKey(network.optimizerKey()) ? network.optimizerKey() : OptimizerChoice.DEFAULT_KEY);
        }
        for (TrainedNetwork network : networks) {
            String key = optimizers.containsKey(network.optimizerKey()) ? network.optimizerKey()
                    : OptimizerChoice.DEFAULT_KEY;
            OptimizerChoice choice = optimizers.get(key);
            if (choice == null) {
                throw new IllegalArgumentException("network '" + network.name() + "' has no optimizer: give the experiment"
                        + " an 'optimizer:' for every network, or 'optimizers: {" + network.optimizerKey() + ": ...}'");
            }
            if (slots.containsKey(network.name())) {
                throw new IllegalArgumentException("the model names two networks '" + network.name() + "'");
            }
            Optimizer optimizer = registry.get(OptimizerFactory.class, choice.id()).create(choice.parameters());
            optimizer.initialize(network.parameters().length(), network.parameters().dataType());
            contributionIds.add(choice.id());
            ScheduleChoice schedule = choice.schedule();
            LearningRateSchedule function = null;
            long warmup = 0;
            if (schedule != null) {
                function = registry.get(ScheduleFactory.class, schedule.id()).create(schedule.parameters());
                warmup = schedule.warmupSteps();
                contributionIds.add(schedule.id());
            }
            String rateMetric = keys.size() == 1 ? LEARNING_RATE
                    : LEARNING_RATE + "_" + (key.equals(OptimizerChoice.DEFAULT_KEY) ? network.optimizerKey() : key);
            slots.put(network.name(), new Slot(network, optimizer, new ScheduledRate(function, warmup),
                    origin(OptimizerFactory.class, choice.id()), rateMetric));
        }
    }

    /**
     * Performs one training step: every update the model makes at this step, each checked,
     * clipped and applied.
     *
     * @param features the (augmented) minibatch
     * @param labels its labels, or {@code null}
     * @param step the step number, from 1
     * @return the step's metrics: the models' terms ({@code loss} summed over differently named
     *         updates), {@code grad_norm}s and {@code learning_rate}s
     * @throws NonFiniteException naming where a NaN or infinity first appeared
     */
    public Map<String, Double> step(INDArray features, INDArray labels, long step) {
        return step(features, labels, step, 1);
    }

    /**
     * Trains with the other processes of a data-parallel run: the gradients and metrics of every
     * update are computed on this process's shard of the batch, then summed over the processes,
     * each weighted by its share, so that every process applies the update one process training on
     * the whole batch would (losses being means over the batch's examples).
     *
     * Process 0 keeps its random draws (dropout, sampling); the others' are decorrelated from it, so
     * call this after any {@link #restore}.
     *
     * @param exchange the processes' gradient sum, or {@code null} to train alone
     */
    public void exchange(GradientExchange exchange) {
        this.exchange = exchange;
        if (exchange != null && exchange.rank() > 0) {
            // each process draws its own noise (dropout, sampling) for its shard; call after any restore
            long mix = 0x9E3779B97F4A7C15L * exchange.rank();
            for (Slot slot : slots.values()) {
                Random random = slot.network.random();
                if (random != null) {
                    random.setStates(random.rootState() ^ mix, random.nodeState() ^ mix);
                }
            }
        }
    }

    /**
     * Performs one training step on this process's shard of a data-parallel batch (see
     * {@link #exchange}).
     *
     * @param features the shard of the (augmented) minibatch
     * @param labels its labels, or {@code null}
     * @param step the step number, from 1
     * @param share the shard's examples over the whole batch's (1 when training alone)
     * @return the step's metrics, as {@link #step(INDArray, INDArray, long)}, averaged over the processes
     * @throws NonFiniteException naming where a NaN or infinity first appeared
     * @throws UncheckedIOException if the exchange with the other processes fails
     */
    public Map<String, Double> step(INDArray features, INDArray labels, long step, double share) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, Double> losses = new LinkedHashMap<>();
        Map<String, Double> rates = new LinkedHashMap<>();
        for (Update update : model.updates(step)) {
            List<Slot> trained = slotsOf(update);
            long[] randomStates = randomStates();
            Map<String, Double> computed = model.computeGradients(update, features, labels, step);
            Double loss = computed.get("loss");
            if (loss == null) {
                throw new IllegalStateException("the model's update '" + update.name() + "' reports no 'loss'");
            }
            for (Map.Entry<String, Double> metric : computed.entrySet()) {
                if (!Double.isFinite(metric.getValue())) {
                    throw diagnose(update, features, labels, step, randomStates, metric.getKey() + " became "
                            + metric.getValue());
                }
            }
            if (exchange != null) {
                computed = sumOverProcesses(trained, computed, step, share);
                loss = computed.get("loss");
            }
            double norm = clip(trained);
            if (!Double.isFinite(norm)) {
                throw diagnose(update, features, labels, step, randomStates, "the gradient norm became " + norm);
            }
            for (Slot slot : trained) {
                if (update.freshOptimizers()) {
                    slot.optimizer.state().values().forEach(array -> array.assign(0));
                    slot.updates = 0;
                }
                double rate = slot.rate.rate(slot.baseRate, step, totalSteps) * update.rateScale();
                slot.optimizer.step(slot.network.parameters(), slot.network.gradients(), ++slot.updates, rate);
                rates.put(slot.rateMetric, rate);
            }
            metrics.putAll(computed);
            losses.put(update.name(), loss);
            metrics.put(DEFAULT_UPDATE.equals(update.name()) ? GRADIENT_NORM : GRADIENT_NORM + "_" + update.name(), norm);
        }
        metrics.put("loss", losses.values().stream().mapToDouble(Double::doubleValue).sum());
        metrics.putAll(rates);
        return metrics;
    }

    /** Every process's share-weighted gradients and metrics, summed: the whole batch's. */
    private Map<String, Double> sumOverProcesses(List<Slot> trained, Map<String, Double> computed, long step,
            double share) {
        try {
            for (Slot slot : trained) {
                INDArray gradients = slot.network.gradients();
                if (share != 1) {
                    gradients.muli(share);
                }
                exchange.sum(gradients, step);
            }
            double[] values = computed.values().stream().mapToDouble(value -> value * share).toArray();
            INDArray summed = Nd4j.createFromArray(values);
            exchange.sum(summed, step);
            Map<String, Double> result = new LinkedHashMap<>();
            int i = 0;
            for (String name : computed.keySet()) {
                result.put(name, summed.getDouble(i++));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("at step " + step + ", summing the gradients over the " + exchange.processes()
                    + " processes of the run failed: " + e.getMessage(), e);
        }
    }

    private List<Slot> slotsOf(Update update) {
        List<Slot> trained = new ArrayList<>(update.networks().size());
        for (String name : update.networks()) {
            Slot slot = slots.get(name);
            if (slot == null) {
                throw new IllegalStateException("the model's update '" + update.name() + "' trains '" + name
                        + "', which is not one of its networks " + slots.keySet());
            }
            trained.add(slot);
        }
        return trained;
    }

    /** Clamps values, then rescales to the norm limit; returns the joint norm before clipping. */
    private double clip(List<Slot> trained) {
        if (clipValue > 0) {
            for (Slot slot : trained) {
                Transforms.min(Transforms.max(slot.network.gradients(), -clipValue, false), clipValue, false);
            }
        }
        double squares = 0;
        for (Slot slot : trained) {
            squares += Reductions.sumOfSquares(slot.network.gradients());
        }
        double norm = Math.sqrt(squares);
        if (clipNorm > 0 && norm > clipNorm && Double.isFinite(norm)) {
            for (Slot slot : trained) {
                slot.network.gradients().muli(clipNorm / norm);
            }
        }
        return norm;
    }

    private long[] randomStates() {
        long[] states = new long[slots.size() * 2];
        int i = 0;
        for (Slot slot : slots.values()) {
            Random random = slot.network.random();
            if (random != null) {
                states[i] = random.rootState();
                states[i + 1] = random.nodeState();
            }
            i += 2;
        }
        return states;
    }

    private void setRandomStates(long[] states) {
        int i = 0;
        for (Slot slot : slots.values()) {
            Random random = slot.network.random();
            if (random != null) {
                random.setStates(states[i], states[i + 1]);
            }
            i += 2;
        }
    }

    /**
     * Computes the update again, from the same random states, with every value of the networks
     * checked as it is computed; the first bad value names the culprit.
     */
    private NonFiniteException diagnose(Update update, INDArray features, INDArray labels, long step,
            long[] randomStates, String symptom) {
        String prefix = "at step " + step + (DEFAULT_UPDATE.equals(update.name()) ? "" : " (update '" + update.name()
                + "')") + ", " + symptom + ": ";
        setRandomStates(randomStates);
        checkValues(true);
        try {
            Map<String, Double> again = model.computeGradients(update, features, labels, step);
            for (Slot slot : slotsOf(update)) {
                if (!Network.isFinite(slot.network.gradients())) {
                    return new NonFiniteException(prefix + "the gradient of network '" + slot.network.name()
                            + "' (not a network of layers: the model computes it itself) is not finite");
                }
            }
            boolean reproduced = again.values().stream().anyMatch(value -> !Double.isFinite(value));
            return new NonFiniteException(prefix + (reproduced
                    ? "every output, gradient and parameter of the networks is finite, so the model's own arithmetic or"
                            + " its losses made it (" + lossesUsed() + ")"
                    : "computing the update again from the same state gave finite values (" + again + ")"));
        } catch (NonFiniteException e) {
            String blame = "";
            for (Slot slot : slots.values()) {
                if (!Network.isFinite(slot.network.parameters())) {
                    blame = slot.updates == 0 ? "; it was so before the first update of network '" + slot.network.name()
                            + "' (its initialisation, or the model)" : "; network '" + slot.network.name()
                            + "' got it from its optimizer (" + slot.optimizerOrigin + ") at its update " + slot.updates;
                    break;
                }
            }
            return new NonFiniteException(prefix + e.getMessage() + blame, e);
        } finally {
            checkValues(false);
        }
    }

    private void checkValues(boolean enabled) {
        for (Slot slot : slots.values()) {
            if (slot.network instanceof Network network) {
                network.checkValues(enabled);
            }
        }
    }

    private String lossesUsed() {
        List<String> losses = new ArrayList<>();
        for (String id : model.contributionIds()) {
            registry.list(LossFactory.class).stream().filter(r -> r.id().equals(id)).findFirst()
                    .ifPresent(r -> losses.add(id + " from " + r.bundle() + " " + r.version()));
        }
        return losses.isEmpty() ? "no loss contribution" : "losses " + String.join(", ", losses);
    }

    private <T extends Contribution> String origin(Class<T> type, String id) {
        for (RegisteredContribution<T> registered : registry.list(type)) {
            if (registered.id().equals(id)) {
                return id + " from " + registered.bundle() + " " + registered.version();
            }
        }
        return id;
    }

    /**
     * Tells the schedules of an evaluation (reduce-on-plateau follows the headline metric).
     *
     * @param metrics the evaluation's metrics
     * @param headlineMetric the model's headline metric
     */
    public void evaluated(Map<String, Double> metrics, String headlineMetric) {
        for (Slot slot : slots.values()) {
            if (slot.rate.schedule() != null) {
                slot.rate.schedule().evaluated(metrics, headlineMetric);
            }
        }
    }

    /**
     * Everything a checkpoint needs to continue to the same numbers, by name: per network
     * ({@code <name>/...}) its parameters, state, random generator, optimizer state and update
     * count and its schedule's state; the model's own arrays under {@code model/}.
     *
     * @return the arrays, live where they are the training's own
     */
    public Map<String, INDArray> state() {
        Map<String, INDArray> state = new LinkedHashMap<>();
        for (Slot slot : slots.values()) {
            String prefix = slot.network.name() + "/";
            state.put(prefix + "parameters", slot.network.parameters());
            if (slot.network.state() != null) {
                state.put(prefix + "state", slot.network.state());
            }
            Random random = slot.network.random();
            if (random != null) {
                state.put(prefix + "random", Nd4j.createFromArray(random.rootState(), random.nodeState()));
            }
            slot.optimizer.state().forEach((name, array) -> state.put(prefix + "optimizer/" + name, array));
            state.put(prefix + "optimizer_steps", Nd4j.createFromArray(slot.updates));
            if (slot.rate.schedule() != null && slot.rate.schedule().state().length > 0) {
                state.put(prefix + "schedule", Nd4j.createFromArray(slot.rate.schedule().state()));
            }
        }
        model.extraState().forEach((name, array) -> state.put("model/" + name, array));
        return state;
    }

    /**
     * Restores what {@link #state()} saved, into a model built from the same experiment.
     *
     * @param saved the checkpoint's arrays
     * @param checkpointStep the checkpoint's step: the update count of checkpoints written before
     *        update counts were kept
     * @throws IllegalArgumentException naming an array that is missing or of another size
     */
    public void restore(Map<String, INDArray> saved, long checkpointStep) {
        Map<String, INDArray> arrays = new LinkedHashMap<>(saved);
        if (slots.size() == 1 && !arrays.containsKey(slots.keySet().iterator().next() + "/parameters")) {
            // checkpoints of one-network models written before networks had names kept no prefix
            String prefix = slots.keySet().iterator().next() + "/";
            saved.forEach((name, array) -> arrays.putIfAbsent(prefix + name, array));
        }
        for (Slot slot : slots.values()) {
            String prefix = slot.network.name() + "/";
            assign(arrays, prefix + "parameters", slot.network.parameters());
            if (slot.network.state() != null) {
                assign(arrays, prefix + "state", slot.network.state());
            }
            for (Map.Entry<String, INDArray> array : slot.optimizer.state().entrySet()) {
                assign(arrays, prefix + "optimizer/" + array.getKey(), array.getValue());
            }
            Random random = slot.network.random();
            if (random != null) {
                INDArray states = require(arrays, prefix + "random", 2).castTo(DataType.LONG);
                random.setStates(states.getLong(0), states.getLong(1));
            }
            INDArray updates = arrays.get(prefix + "optimizer_steps");
            slot.updates = updates == null ? checkpointStep : updates.castTo(DataType.LONG).getLong(0);
            if (slot.rate.schedule() != null && slot.rate.schedule().state().length > 0) {
                INDArray schedule = require(arrays, prefix + "schedule", slot.rate.schedule().state().length);
                slot.rate.schedule().restore(schedule.castTo(DataType.DOUBLE).toDoubleVector());
            }
        }
        for (Map.Entry<String, INDArray> array : model.extraState().entrySet()) {
            String name = arrays.containsKey("model/" + array.getKey()) ? "model/" + array.getKey() : array.getKey();
            assign(arrays, name, array.getValue());
        }
    }

    private static INDArray require(Map<String, INDArray> saved, String name, long length) {
        INDArray value = saved.get(name);
        if (value == null || value.length() != length) {
            throw new IllegalArgumentException("checkpoint array '" + name + "' is "
                    + (value == null ? "missing" : "of " + value.length() + " values, not " + length));
        }
        return value;
    }

    private static void assign(Map<String, INDArray> saved, String name, INDArray live) {
        INDArray value = require(saved, name, live.length());
        live.assign(value.reshape(live.shape()).castTo(live.dataType()));
    }

    /** @return the optimizer and schedule ids this step uses (for a run's record of bundles) */
    public Set<String> contributionIds() {
        return contributionIds;
    }

    /** @return the model it trains */
    public Model model() {
        return model;
    }

    /**
     * @param network a network's name
     * @return how many updates its optimizer has applied since it started (or was made fresh)
     */
    public long updates(String network) {
        Slot slot = slots.get(network);
        if (slot == null) {
            throw new IllegalArgumentException("no network '" + network + "'; the model's: " + slots.keySet());
        }
        return slot.updates;
    }
}
