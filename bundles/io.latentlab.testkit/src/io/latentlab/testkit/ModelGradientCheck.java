package io.latentlab.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.core.model.TrainedNetwork;
import io.latentlab.core.model.Update;
import io.latentlab.nd4j.Nd4jRuntime;

/**
 * A whole model's gradient against float64 central finite differences: for every update of a
 * training step, the gradient the model computes for each network it trains is compared with
 * the change of a metric it reports ({@code loss} by default) when one parameter is moved. The
 * model's random generators, network state and own arrays are reset before every evaluation,
 * so every pass draws the same noise; the model is left as it was.
 * <pre>{@code
 * Model model = vae.create(ModelGradientCheck.setup(vae, Map.of("latent_dim", 3), stacks, Shape.of(6), 0, registry));
 * ModelGradientCheck.of(model, x, null).run();
 * }</pre>
 */
public final class ModelGradientCheck {

    private final Model model;
    private final INDArray features;
    private final INDArray labels;
    private List<String> networks = List.of();
    private List<String> updates = List.of();
    private long step = 1;
    private String metric = "loss";
    private double epsilon = 1e-6;
    private double maxRelativeError = 1e-5;
    private double maxAbsoluteError = 1e-6;
    private int maxChecksPerNetwork = 40;

    private ModelGradientCheck(Model model, INDArray features, INDArray labels) {
        this.model = model;
        this.features = features;
        this.labels = labels;
    }

    /**
     * A float64 setup, as the check needs.
     *
     * @param factory the model
     * @param parameters its parameters as an experiment gives them
     * @param stacks its layer stacks by name
     * @param exampleShape the shape of one example
     * @param classes number of classes (0: unlabelled)
     * @param registry where the stacks' layer and loss ids are found, e.g. {@link StandardContributions#registry}
     * @return the setup to create the model from
     */
    public static ModelSetup setup(ModelFactory factory, Map<String, Object> parameters,
            Map<String, List<LayerEntry>> stacks, Shape exampleShape, int classes, ContributionRegistry registry) {
        return setup(factory, parameters, stacks, exampleShape, classes, registry, 1);
    }

    /**
     * As {@link #setup(ModelFactory, Map, Map, Shape, int, ContributionRegistry)}, for models whose
     * phases are counted in epochs.
     *
     * @param stepsPerEpoch training steps per epoch
     */
    public static ModelSetup setup(ModelFactory factory, Map<String, Object> parameters,
            Map<String, List<LayerEntry>> stacks, Shape exampleShape, int classes, ContributionRegistry registry,
            long stepsPerEpoch) {
        Nd4jRuntime.initialize();
        return new ModelSetup(Parameters.of(factory.schema(), parameters), stacks, exampleShape, classes, registry,
                DataType.DOUBLE, 11, stepsPerEpoch);
    }

    /**
     * As {@link #setup(ModelFactory, Map, Map, Shape, int, ContributionRegistry, long)}, with the
     * standard contributions ({@link StandardContributions#registry}).
     *
     * @param factory the model
     * @param parameters its parameters as an experiment gives them
     * @param stacks its layer stacks by name
     * @param exampleShape the shape of one example
     * @param classes number of classes (0: unlabelled)
     * @param stepsPerEpoch training steps per epoch
     * @return the setup to create the model from
     */
    public static ModelSetup setup(ModelFactory factory, Map<String, Object> parameters,
            Map<String, List<LayerEntry>> stacks, Shape exampleShape, int classes, long stepsPerEpoch) {
        return setup(factory, parameters, stacks, exampleShape, classes, StandardContributions.registry(), stepsPerEpoch);
    }

    /**
     * Checks every update of a training step and requires that the check compared more than five
     * values (a check that compares nothing cannot fail).
     *
     * @param model a model created from {@link #setup}
     * @param features a float64 batch
     * @param labels its labels, or null
     * @param step the training step to check
     * @return the number of values compared
     * @throws AssertionError naming the first wrong gradient value, or if too few were compared
     */
    public static int checkStep(Model model, INDArray features, INDArray labels, long step) {
        int checked = of(model, features, labels).step(step).run();
        if (checked <= 5) {
            throw new AssertionError("the gradient check compared only " + checked + " values");
        }
        return checked;
    }

    /**
     * A float64 batch for a check: values drawn uniformly from [0, 1) (pixel intensities).
     *
     * @param seed the draw's seed
     * @param shape the batch's shape, batch first
     * @return the batch
     */
    public static INDArray uniform(long seed, long... shape) {
        Nd4jRuntime.initialize();
        SplittableRandom random = new SplittableRandom(seed);
        INDArray x = Nd4j.create(DataType.DOUBLE, shape);
        for (long i = 0; i < x.length(); i++) {
            x.putScalar(i, random.nextDouble());
        }
        return x;
    }

    /**
     * @param model a model created from {@link #setup}
     * @param features a float64 batch
     * @param labels its labels, or null
     * @return a check to configure and {@link #run()}
     */
    public static ModelGradientCheck of(Model model, INDArray features, INDArray labels) {
        return new ModelGradientCheck(model, features, labels);
    }

    /** @param names the networks to check (default: every network each update trains) @return this */
    public ModelGradientCheck networks(String... names) {
        this.networks = List.of(names);
        return this;
    }

    /** @param names the updates to check, e.g. {@code generator} (default: every update of the step) @return this */
    public ModelGradientCheck updates(String... names) {
        this.updates = List.of(names);
        return this;
    }

    /** @param number the training step to check (default 1; models with phases differ by step) @return this */
    public ModelGradientCheck step(long number) {
        this.step = number;
        return this;
    }

    /** @param name the reported metric whose gradient the update computes (default "loss") @return this */
    public ModelGradientCheck metric(String name) {
        this.metric = name;
        return this;
    }

    /** @param relative allowed relative error @param absolute allowed absolute error @return this */
    public ModelGradientCheck tolerance(double relative, double absolute) {
        this.maxRelativeError = relative;
        this.maxAbsoluteError = absolute;
        return this;
    }

    /**
     * Runs the check; the model is left as it was.
     *
     * @return how many parameters were compared
     * @throws AssertionError naming the first parameter whose gradients disagree
     */
    public int run() {
        Map<String, TrainedNetwork> byName = new LinkedHashMap<>();
        model.networks().forEach(network -> byName.put(network.name(), network));
        for (String name : networks) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("the model has no network '" + name + "'; it has " + byName.keySet());
            }
        }
        Snapshot start = new Snapshot(byName.values());
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Update update : model.updates(step)) {
            if (!updates.isEmpty() && !updates.contains(update.name())) {
                continue;
            }
            start.restore();
            model.computeGradients(update, features, labels, step);
            for (String name : update.networks()) {
                if (!networks.isEmpty() && !networks.contains(name)) {
                    continue;
                }
                INDArray analytic = byName.get(name).gradients().dup();
                INDArray parameters = byName.get(name).parameters();
                long stride = Math.max(1, parameters.length() / maxChecksPerNetwork);
                for (long i = 0; i < parameters.length(); i += stride) {
                    double numeric = (value(start, update, parameters, i, epsilon)
                            - value(start, update, parameters, i, -epsilon)) / (2 * epsilon);
                    double exact = analytic.getDouble(i);
                    if (Math.abs(numeric - exact) > maxAbsoluteError + maxRelativeError * Math.abs(numeric)) {
                        mismatches.add("update '" + update.name() + "', " + name + " parameter " + i
                                + ": finite differences " + numeric + ", computed gradient " + exact);
                    }
                    checked++;
                }
            }
        }
        start.restore();
        if (checked == 0) {
            throw new IllegalArgumentException("nothing was checked: step " + step + "'s updates " + model.updates(step)
                    + " train none of " + networks);
        }
        if (!mismatches.isEmpty()) {
            throw new AssertionError(mismatches.size() + " of " + checked + " gradients disagree, first: " + mismatches.get(0));
        }
        return checked;
    }

    /** The metric of the update from the starting state with one parameter moved. */
    private double value(Snapshot start, Update update, INDArray parameters, long index, double delta) {
        start.restore();
        parameters.putScalar(index, parameters.getDouble(index) + delta);
        Double value = model.computeGradients(update, features, labels, step).get(metric);
        if (value == null) {
            throw new IllegalArgumentException("update '" + update.name() + "' reports no metric '" + metric + "'");
        }
        return value;
    }

    /** Every value a pass may read or change: parameters, state, random generators, the model's own arrays. */
    private final class Snapshot {
        private final Map<INDArray, INDArray> arrays = new LinkedHashMap<>();
        private final Map<Random, long[]> randoms = new LinkedHashMap<>();

        Snapshot(Iterable<TrainedNetwork> all) {
            for (TrainedNetwork network : all) {
                arrays.put(network.parameters(), network.parameters().dup());
                if (network.state() != null) {
                    arrays.put(network.state(), network.state().dup());
                }
                if (network.random() != null) {
                    randoms.put(network.random(), new long[] {network.random().rootState(), network.random().nodeState()});
                }
            }
            model.extraState().values().forEach(array -> arrays.put(array, array.dup()));
        }

        void restore() {
            arrays.forEach((live, saved) -> live.assign(saved));
            randoms.forEach((random, states) -> random.setStates(states[0], states[1]));
        }
    }
}
