package io.latentlab.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.Contribution;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.layer.LayerFactory;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.loss.Loss;
import io.latentlab.core.loss.LossFactory;
import io.latentlab.core.optim.Optimizer;
import io.latentlab.engine.Checkpoint;
import io.latentlab.engine.Network;
import io.latentlab.engine.NetworkSpec;
import io.latentlab.engine.NodeSpec;
import io.latentlab.engine.TrainingState;
import io.latentlab.nd4j.Nd4jRuntime;

/**
 * Gradient and contract checks for a layer or a loss. Typical use in a test:
 * <pre>{@code
 * GradientCheck.layer(new Swish(), Map.of(), Shape.of(5)).run();
 * }</pre>
 */
public final class GradientCheck {

    private final Contribution contribution;
    private final Map<String, Object> parameters;
    private final List<Shape> inputShapes;
    private final List<Contribution> helpers = new ArrayList<>();
    private int batch = 3;
    private long seed = 42;
    private boolean training = true;
    private double epsilon = 1e-6;
    private double maxRelativeError = 1e-5;
    private double maxAbsoluteError = 1e-8;
    private int samplesPerArray = 48;
    private double inputLow = -1;
    private double inputHigh = 1;

    private GradientCheck(Contribution contribution, Map<String, Object> parameters, List<Shape> inputShapes) {
        this.contribution = contribution;
        this.parameters = parameters;
        this.inputShapes = inputShapes;
    }

    /**
     * @param factory the layer (or activation) to check
     * @param parameters its parameters as an experiment would give them
     * @param inputShapes the shape of one example of each input
     * @return a check to configure and {@link #run()}
     */
    public static GradientCheck layer(LayerFactory factory, Map<String, Object> parameters, Shape... inputShapes) {
        return new GradientCheck(factory, parameters, List.of(inputShapes));
    }

    /**
     * @param factory the loss to check
     * @param parameters its parameters
     * @param predictionShapes the shape of one example of each prediction
     * @return a check to configure and {@link #run()}
     */
    public static GradientCheck loss(LossFactory factory, Map<String, Object> parameters, Shape... predictionShapes) {
        return new GradientCheck(factory, parameters, List.of(predictionShapes));
    }

    /** @param size examples per batch (default 3) @return this */
    public GradientCheck batch(int size) {
        this.batch = size;
        return this;
    }

    /** @param value the seed for inputs, parameters and probes (default 42) @return this */
    public GradientCheck seed(long value) {
        this.seed = value;
        return this;
    }

    /** @param value check in training mode (default) or evaluation mode @return this */
    public GradientCheck training(boolean value) {
        this.training = value;
        return this;
    }

    /** @param low smallest input value @param high largest input value (default -1..1) @return this */
    public GradientCheck inputRange(double low, double high) {
        this.inputLow = low;
        this.inputHigh = high;
        return this;
    }

    /** @param value the largest relative error accepted (default 1e-5) @return this */
    public GradientCheck tolerance(double value) {
        this.maxRelativeError = value;
        return this;
    }

    /** @param value values probed per array, chosen at random (default 48) @return this */
    public GradientCheck samples(int value) {
        this.samplesPerArray = value;
        return this;
    }

    /** @param others further contributions the checked one needs (e.g. an activation id it names) @return this */
    public GradientCheck with(Contribution... others) {
        helpers.addAll(List.of(others));
        return this;
    }

    /**
     * Runs every check.
     *
     * @return the largest relative error found
     * @throws AssertionError describing each failed value or contract
     */
    public double run() {
        Nd4jRuntime.initialize();
        return contribution instanceof LossFactory factory ? runLoss(factory) : runLayer((LayerFactory) contribution);
    }

    private double runLayer(LayerFactory factory) {
        Network network = build(factory);
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, INDArray> inputs = new LinkedHashMap<>();
        for (int i = 0; i < inputShapes.size(); i++) {
            inputs.put("in" + i, randomArray(inputShapes.get(i).withBatch(batch), random, inputLow, inputHigh));
        }
        long rootState = network.random().rootState();
        long nodeState = network.random().nodeState();
        INDArray firstOutput = forward(network, inputs, rootState, nodeState);
        List<String> failures = new ArrayList<>();
        Shape declared = network.nodes().get(0).outputShape();
        if (!Shape.ofBatch(firstOutput.shape()).equals(declared)) {
            failures.add("shape inference says " + declared + " but forward returned " + Shape.ofBatch(firstOutput.shape()));
        }
        INDArray probe = randomArray(firstOutput.shape(), random, -1, 1);
        network.backward(probe);
        Map<String, INDArray> analyticInputs = new LinkedHashMap<>();
        inputs.keySet().forEach(name -> analyticInputs.put(name, network.inputGradient(name).dup()));
        INDArray analyticParameters = network.gradients().dup();

        double worst = 0;
        for (Map.Entry<String, INDArray> input : inputs.entrySet()) {
            INDArray array = input.getValue();
            INDArray analytic = analyticInputs.get(input.getKey());
            worst = Math.max(worst, compare("input " + input.getKey(), array, analytic, random, failures,
                    () -> objective(forward(network, inputs, rootState, nodeState), probe)));
        }
        if (network.store().trainableCount() > 0) {
            worst = Math.max(worst, compare("parameter", network.parameters(), analyticParameters, random,
                    failures, () -> objective(forward(network, inputs, rootState, nodeState), probe)));
        }
        checkEvaluationIsDeterministic(network, inputs, failures);
        checkParametersRoundTrip(factory, network, inputs, failures);
        report(failures, worst);
        return worst;
    }

    private Network build(LayerFactory factory) {
        Map<String, Shape> inputs = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < inputShapes.size(); i++) {
            inputs.put("in" + i, inputShapes.get(i));
            names.add("in" + i);
        }
        NetworkSpec spec = new NetworkSpec(inputs, List.of(new NodeSpec("checked", factory.id(), parameters, names)),
                List.of("checked"));
        List<Contribution> all = new ArrayList<>(helpers);
        all.add(factory);
        Network network = Network.build(spec, ContributionRegistry.of(all.toArray(Contribution[]::new)), DataType.DOUBLE, seed)
                .computeInputGradients(true);
        // Parameters that start at 0 or 1 (biases, batch-norm scale) would hide mistakes: perturb them.
        INDArray values = network.parameters();
        values.addi(randomArray(values.shape(), new SplittableRandom(seed + 1), -0.5, 0.5));
        return network;
    }

    private INDArray forward(Network network, Map<String, INDArray> inputs, long rootState, long nodeState) {
        network.random().setStates(rootState, nodeState); // the same dropout mask / random slopes every time
        return network.forward(inputs, training).get(0);
    }

    private static double objective(INDArray output, INDArray probe) {
        return output.mul(probe).sumNumber().doubleValue();
    }

    private double compare(String what, INDArray array, INDArray analytic, SplittableRandom random, List<String> failures,
            DoubleSupplier objective) {
        double worst = 0;
        long length = array.length();
        INDArray flat = array.reshape(length);
        INDArray flatAnalytic = analytic.reshape(length);
        int samples = (int) Math.min(length, samplesPerArray);
        for (int s = 0; s < samples; s++) {
            long index = samples == length ? s : random.nextLong(length);
            double original = flat.getDouble(index);
            flat.putScalar(index, original + epsilon);
            double plus = objective.getAsDouble();
            flat.putScalar(index, original - epsilon);
            double minus = objective.getAsDouble();
            flat.putScalar(index, original);
            double numeric = (plus - minus) / (2 * epsilon);
            double exact = flatAnalytic.getDouble(index);
            double absolute = Math.abs(numeric - exact);
            double relative = absolute / Math.max(Math.abs(numeric) + Math.abs(exact), 1e-12);
            if (absolute > maxAbsoluteError) {
                worst = Math.max(worst, relative);
                if (relative > maxRelativeError) {
                    failures.add(String.format("%s value %d: backward %.10g, finite differences %.10g (relative error %.2e)",
                            what, index, exact, numeric, relative));
                }
            }
        }
        return worst;
    }

    private static void checkEvaluationIsDeterministic(Network network, Map<String, INDArray> inputs, List<String> failures) {
        INDArray first = network.forward(inputs, false).get(0).dup();
        INDArray second = network.forward(inputs, false).get(0);
        if (!first.equals(second)) {
            failures.add("evaluation mode is not deterministic: two passes on the same input differ");
        }
    }

    private void checkParametersRoundTrip(LayerFactory factory, Network network, Map<String, INDArray> inputs,
            List<String> failures) {
        try {
            Path file = Files.createTempFile("gradient-check", ".ckpt");
            try {
                Optimizer none = new NoOptimizer();
                Checkpoint.save(file, network, none, TrainingState.START);
                Network fresh = build(factory);
                fresh.parameters().assign(0);
                Checkpoint.load(file, fresh, none);
                INDArray expected = network.forward(inputs, false).get(0);
                INDArray restored = fresh.forward(inputs, false).get(0);
                if (!expected.equalsWithEps(restored, 1e-12)) {
                    failures.add("parameters do not survive a checkpoint round trip: outputs differ after restore");
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            failures.add("checkpoint round trip failed: " + e);
        }
    }

    private double runLoss(LossFactory factory) {
        Loss loss = factory.create(factory.schema().resolve("loss '" + factory.id() + "'", parameters));
        SplittableRandom random = new SplittableRandom(seed);
        List<INDArray> predictions = new ArrayList<>();
        for (Shape shape : inputShapes) {
            predictions.add(randomArray(shape.withBatch(batch), random, inputLow, inputHigh));
        }
        INDArray target = loss.needsTarget() ? randomArray(inputShapes.get(0).withBatch(batch), random, 0, 1) : null;
        loss.forward(predictions, target);
        List<INDArray> analytic = loss.backward().stream().map(INDArray::dup).toList();
        List<String> failures = new ArrayList<>();
        double worst = 0;
        for (int i = 0; i < predictions.size(); i++) {
            worst = Math.max(worst, compare("prediction " + i, predictions.get(i), analytic.get(i), random, failures,
                    () -> loss.forward(predictions, target)));
        }
        report(failures, worst);
        return worst;
    }

    private void report(List<String> failures, double worst) {
        if (!failures.isEmpty()) {
            throw new AssertionError(contribution.id() + " " + parameters + " failed " + failures.size() + " check(s)"
                    + " (worst relative error " + String.format("%.2e", worst) + "):\n  " + String.join("\n  ",
                            failures.subList(0, Math.min(20, failures.size()))));
        }
    }

    private static INDArray randomArray(long[] shape, SplittableRandom random, double low, double high) {
        long length = 1;
        for (long dim : shape) {
            length *= dim;
        }
        double[] values = new double[Math.toIntExact(length)];
        for (int i = 0; i < values.length; i++) {
            values[i] = low + (high - low) * random.nextDouble();
        }
        return Nd4j.createFromArray(values).reshape(shape);
    }

    /** An optimizer with no state, for checkpointing parameters alone. */
    private static final class NoOptimizer implements Optimizer {
        @Override
        public double learningRate() {
            return 0;
        }

        @Override
        public void initialize(long length, DataType dataType) {
        }

        @Override
        public void step(INDArray parameters, INDArray gradients, long step, double learningRate) {
        }

        @Override
        public Map<String, INDArray> state() {
            return Map.of();
        }
    }
}
