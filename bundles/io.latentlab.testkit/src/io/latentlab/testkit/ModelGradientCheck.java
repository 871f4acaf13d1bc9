package io.latentlab.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.nd4j.Nd4jRuntime;
import io.latentlab.optimizers.core.Sgd;

/**
 * A whole model's gradient against float64 central finite differences of the loss its training
 * step reports. The model is built with {@link #setup} (float64, SGD at learning rate 1 for
 * every network), so one step moves each parameter by minus its gradient; the model's random
 * state is part of its checkpointed state, so every step of the check draws the same noise.
 * <pre>{@code
 * Model model = vae.create(ModelGradientCheck.setup(vae, Map.of("latent_dim", 3), stacks, Shape.of(6), 0, registry));
 * ModelGradientCheck.of(model, x, null).networks("encoder/", "decoder/").run();
 * }</pre>
 */
public final class ModelGradientCheck {

    private final Model model;
    private final INDArray features;
    private final INDArray labels;
    private List<String> networks = List.of("");
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
     * A float64 setup with SGD at learning rate 1 for every network, as the check needs.
     *
     * @param factory the model
     * @param parameters its parameters as an experiment gives them
     * @param stacks its layer stacks by name
     * @param exampleShape the shape of one example
     * @param classes number of classes (0: unlabelled)
     * @param registry where the stacks' layer ids are found, e.g. {@link StandardContributions#registry}
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
        Sgd sgd = new Sgd();
        ModelSetup.OptimizerChoice plain = new ModelSetup.OptimizerChoice(Sgd.ID,
                Parameters.of(sgd.schema(), Map.of("learning_rate", 1.0)));
        return new ModelSetup(Parameters.of(factory.schema(), parameters), stacks,
                Map.of(ModelFactory.DEFAULT_OPTIMIZER, plain), exampleShape, classes, registry, DataType.DOUBLE, 11,
                stepsPerEpoch);
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

    /** @param prefixes the state prefixes of the networks to check, e.g. "encoder/" (default: "", one network) @return this */
    public ModelGradientCheck networks(String... prefixes) {
        this.networks = List.of(prefixes);
        return this;
    }

    /** @param number the training step to check (default 1; models with phases differ by step) @return this */
    public ModelGradientCheck step(long number) {
        this.step = number;
        return this;
    }

    /** @param name the reported metric whose gradient the step follows (default "loss") @return this */
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
     * Runs the check; the model is left as after one step from where it was.
     *
     * @return how many parameters were compared
     * @throws AssertionError naming the first parameter whose gradients disagree
     */
    public int run() {
        Map<String, INDArray> start = copy(model.state());
        model.trainStep(features, labels, step, 100);
        Map<String, INDArray> after = copy(model.state());
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String network : networks) {
            INDArray before = start.get(network + "parameters");
            if (before == null) {
                throw new IllegalArgumentException("the model's state has no '" + network + "parameters'; it has "
                        + start.keySet());
            }
            INDArray gradient = before.sub(after.get(network + "parameters")); // SGD at rate 1
            long stride = Math.max(1, before.length() / maxChecksPerNetwork);
            for (long i = 0; i < before.length(); i += stride) {
                double numeric = (loss(start, network, i, epsilon) - loss(start, network, i, -epsilon)) / (2 * epsilon);
                double analytic = gradient.getDouble(i);
                if (Math.abs(numeric - analytic) > maxAbsoluteError + maxRelativeError * Math.abs(numeric)) {
                    mismatches.add(network + "parameters[" + i + "]: finite differences " + numeric + ", training step "
                            + analytic);
                }
                checked++;
            }
        }
        model.restore(after);
        if (!mismatches.isEmpty()) {
            throw new AssertionError(mismatches.size() + " of " + checked + " gradients disagree, first: " + mismatches.get(0));
        }
        return checked;
    }

    /** The metric after one step from the starting state with one parameter moved. */
    private double loss(Map<String, INDArray> start, String network, long index, double delta) {
        Map<String, INDArray> moved = copy(start);
        INDArray parameters = moved.get(network + "parameters");
        parameters.putScalar(index, parameters.getDouble(index) + delta);
        model.restore(moved);
        Double value = model.trainStep(features, labels, step, 100).get(metric);
        if (value == null) {
            throw new IllegalArgumentException("the training step reports no metric '" + metric + "'");
        }
        return value;
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> state) {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        state.forEach((name, array) -> copy.put(name, array.dup()));
        return copy;
    }
}
