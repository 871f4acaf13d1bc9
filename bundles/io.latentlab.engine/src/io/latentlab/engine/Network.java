package io.latentlab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.InvalidParametersException;
import io.latentlab.core.UnknownContributionException;
import io.latentlab.core.layer.Layer;
import io.latentlab.core.layer.LayerFactory;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.NodeInfo;
import io.latentlab.core.model.TrainedNetwork;
import io.latentlab.core.onnx.OnnxExportException;
import io.latentlab.core.onnx.OnnxExportable;
import io.latentlab.core.onnx.OnnxGraph;
import io.latentlab.nd4j.Nd4jRuntime;

/**
 * A built network: layers in graph order over one {@link ParameterStore}. Forward computes
 * every node once; backward walks the nodes in reverse, summing the gradients of nodes read
 * by several others (skip connections). With {@link #checkValues} on, every value is checked for
 * NaN and infinity as it is computed, and the first bad one is reported with the layer (or the
 * attached activation) and the bundle that contributed it.
 */
public final class Network implements TrainedNetwork {

    /** The parameter every layer accepts: an activation id applied to its output. */
    public static final String ACTIVATION_PARAMETER = LayerParameters.ACTIVATION;

    /** origin: "type from bundle version" (and its activation's), named when the layer misbehaves. */
    private record Node(String name, String type, Layer layer, List<String> inputs, NetworkContext context,
            List<Shape> inputShapes, Shape outputShape, String origin) {
    }

    private final String name;
    private final Map<String, Shape> inputShapes;
    private final List<Node> nodes;
    private final List<String> outputs;
    private final List<NodeInfo> infos;
    private final ParameterStore store;
    private final Random random;
    private final DataType dataType;
    private final Set<String> contributionIds;
    private final Map<String, INDArray> activations = new HashMap<>();
    private final Map<String, INDArray> inputGradients = new HashMap<>();
    private boolean lastTraining;
    private Map<String, long[]> timings;
    /** Nodes whose backward would compute nothing anyone needs (no parameters, no input needing a gradient). */
    private final Set<String> backwardSkipped = new HashSet<>();
    private boolean checking;
    private String optimizerKey;

    private Network(String name, Map<String, Shape> inputShapes, List<Node> nodes, List<String> outputs,
            List<NodeInfo> infos, ParameterStore store, Random random, DataType dataType, Set<String> contributionIds) {
        this.name = name;
        this.inputShapes = inputShapes;
        this.nodes = nodes;
        this.outputs = outputs;
        this.infos = infos;
        this.store = store;
        this.random = random;
        this.dataType = dataType;
        this.contributionIds = contributionIds;
    }

    /**
     * Builds a network: creates each layer from the registry, infers shapes, allocates and
     * initialises parameters.
     *
     * @param spec the network
     * @param registry where layer ids are looked up
     * @param dataType FLOAT for training, DOUBLE for gradient checks
     * @param seed seeds parameter initialisation and the network's random generator
     * @return the network
     * @throws NetworkBuildException naming the node, for unknown ids, bad parameters, unknown inputs or shape mismatches
     */
    public static Network build(NetworkSpec spec, ContributionRegistry registry, DataType dataType, long seed) {
        return build("network", spec, registry, dataType, seed);
    }

    /**
     * Builds a network with a name, which names it in a model's checkpoints, metrics and messages.
     *
     * @param name e.g. {@code encoder}
     * @param spec the network
     * @param registry where layer ids are looked up
     * @param dataType FLOAT for training, DOUBLE for gradient checks
     * @param seed seeds parameter initialisation and the network's random generator
     * @return the network
     * @throws NetworkBuildException naming the node, for unknown ids, bad parameters, unknown inputs or shape mismatches
     */
    public static Network build(String name, NetworkSpec spec, ContributionRegistry registry, DataType dataType,
            long seed) {
        Nd4jRuntime.initialize();
        ParameterStore store = new ParameterStore(dataType);
        List<Node> nodes = new ArrayList<>();
        List<NodeInfo> infos = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        layout(spec, registry, store, nodes, infos, ids);
        store.allocate();
        store.initialize(seed);
        for (Node node : nodes) {
            node.layer().bind(store.bindingFor(node.name()));
        }
        List<NodeInfo> withCounts = infos.stream().map(info -> new NodeInfo(info.name(), info.type(), info.inputs(),
                info.inputShapes(), info.outputShape(), store.trainableCount(info.name()))).toList();
        Random random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        List<Node> withContexts = nodes.stream().map(node -> new Node(node.name(), node.type(), node.layer(),
                node.inputs(), new NetworkContext(random, dataType, new boolean[node.inputs().size()]), node.inputShapes(),
                node.outputShape(), node.origin())).toList();
        Network network = new Network(name, Map.copyOf(spec.inputs()), withContexts, spec.outputs(), withCounts, store,
                random, dataType, ids);
        network.computeInputGradients(false);
        return network;
    }

    /**
     * The shape of every node, inferred as {@link #build} does but without allocating parameters.
     *
     * @param spec the network
     * @param registry where layer ids are looked up
     * @return the network's inputs' and nodes' shapes by name
     * @throws NetworkBuildException naming the node, as {@link #build} would
     */
    public static Map<String, Shape> shapes(NetworkSpec spec, ContributionRegistry registry) {
        return layout(spec, registry, new ParameterStore(DataType.FLOAT), new ArrayList<>(), new ArrayList<>(),
                new LinkedHashSet<>());
    }

    /** Creates and builds every layer (shapes, declarations) and checks the outputs; returns the shapes. */
    private static Map<String, Shape> layout(NetworkSpec spec, ContributionRegistry registry, ParameterStore store,
            List<Node> nodes, List<NodeInfo> infos, Set<String> ids) {
        Map<String, Shape> shapes = new LinkedHashMap<>(spec.inputs());
        for (NodeSpec nodeSpec : spec.nodes()) {
            addNode(nodeSpec, registry, store, shapes, nodes, infos, ids);
        }
        for (String output : spec.outputs()) {
            if (!shapes.containsKey(output) || spec.inputs().containsKey(output)) {
                throw new NetworkBuildException(output, "output '" + output + "' is not a node of the network", null);
            }
        }
        return shapes;
    }

    private static void addNode(NodeSpec spec, ContributionRegistry registry, ParameterStore store,
            Map<String, Shape> shapes, List<Node> nodes, List<NodeInfo> infos, Set<String> ids) {
        String name = spec.name();
        if (shapes.containsKey(name)) {
            throw new NetworkBuildException(name, "node name '" + name + "' is used twice", null);
        }
        List<Shape> inputShapes = new ArrayList<>();
        for (String input : spec.inputs()) {
            Shape shape = shapes.get(input);
            if (shape == null) {
                throw new NetworkBuildException(name, "layer '" + name + "' reads '" + input
                        + "', which is neither a network input nor an earlier node; known: " + shapes.keySet(), null);
            }
            inputShapes.add(shape);
        }
        Layer layer;
        Shape output;
        String origin;
        try {
            LayerParameters.Resolved resolved = LayerParameters.resolve(registry, "layer '" + name + "' (" + spec.type()
                    + ")", spec.type(), spec.parameters());
            layer = resolved.factory().create(resolved.parameters());
            origin = origin(registry, spec.type());
            if (resolved.activation() != null) {
                String activation = resolved.activation().id();
                layer = new ActivatedLayer(layer, resolved.activation().create(resolved.activation().schema()
                        .resolve("activation '" + activation + "' of layer '" + name + "'", Map.of())),
                        "activation '" + activation + "' (" + origin(registry, activation) + ") attached to layer '" + name
                                + "' (" + origin + ")");
                ids.add(activation);
            }
            output = layer.build(List.copyOf(inputShapes), store.declarationsFor(name));
        } catch (NetworkBuildException e) {
            throw e;
        } catch (InvalidParametersException e) {
            throw new NetworkBuildException(name, e.getMessage(), e);
        } catch (UnknownContributionException e) {
            throw new NetworkBuildException(name, "layer '" + name + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new NetworkBuildException(name, "layer '" + name + "' (" + spec.type() + "): " + e.getMessage(), e);
        }
        if (spec.sharesWith() != null) {
            NodeInfo owner = infos.stream().filter(info -> info.name().equals(spec.sharesWith())).findFirst()
                    .orElseThrow(() -> new NetworkBuildException(name, "layer '" + name + "' shares parameters with '"
                            + spec.sharesWith() + "', which is not an earlier node", null));
            if (!owner.type().equals(spec.type())) {
                throw new NetworkBuildException(name, "layer '" + name + "' (" + spec.type() + ") shares parameters with '"
                        + owner.name() + "', a " + owner.type() + "; shared layers must be of one type", null);
            }
            store.share(name, spec.sharesWith());
        }
        shapes.put(name, output);
        boolean[] needed = new boolean[spec.inputs().size()];
        Arrays.fill(needed, true);
        nodes.add(new Node(name, spec.type(), layer, spec.inputs(), new NetworkContext(null, null, needed),
                List.copyOf(inputShapes), output, origin));
        infos.add(new NodeInfo(name, spec.type(), spec.inputs(), List.copyOf(inputShapes), output, 0));
        ids.add(spec.type());
    }

    /** "id from bundle version", as the registry has it. */
    static String origin(ContributionRegistry registry, String type) {
        return registry.list(LayerFactory.class).stream().filter(r -> r.id().equals(type)).findFirst()
                .map(r -> type + " from " + r.bundle() + " " + r.version()).orElse(type);
    }

    /**
     * A layer (often a plugin's) threw or broke its contract: stop with its node, id and bundle
     * named, instead of an ND4J error somewhere downstream.
     */
    private static ContributionFailure layerFailure(Node node, String phase, String what, Throwable cause) {
        return new ContributionFailure("layer '" + node.name() + "' (" + node.origin() + ") " + what + " in " + phase,
                cause);
    }

    private static INDArray checked(Node node, INDArray array, Shape declared, long batch, String phase, String what) {
        if (array == null) {
            throw layerFailure(node, phase, "returned no " + what, null);
        }
        if (array.rank() == 0 || array.size(0) != batch || !Shape.ofBatch(array.shape()).equals(declared)) {
            throw layerFailure(node, phase, "returned " + what + " of shape " + Arrays.toString(array.shape())
                    + " but declared " + declared + " per example (batch " + batch + ")", null);
        }
        return array;
    }

    /**
     * Runs the network.
     *
     * @param inputs one array per network input, by name, batch first
     * @param training training mode (dropout on, batch statistics) or evaluation mode
     * @return the outputs, in the order of {@link NetworkSpec#outputs()}
     */
    public List<INDArray> forward(Map<String, INDArray> inputs, boolean training) {
        for (Map.Entry<String, Shape> input : inputShapes.entrySet()) {
            INDArray array = inputs.get(input.getKey());
            if (array == null) {
                throw new IllegalArgumentException("no array given for network input '" + input.getKey() + "'");
            }
            if (!Shape.ofBatch(array.shape()).equals(input.getValue())) {
                throw new IllegalArgumentException("network input '" + input.getKey() + "' expects examples of shape "
                        + input.getValue() + ", received " + Shape.ofBatch(array.shape()) + " (batch shape "
                        + Arrays.toString(array.shape()) + ")");
            }
            activations.put(input.getKey(), array.dataType() == dataType ? array : array.castTo(dataType));
        }
        lastTraining = training;
        if (checking) {
            checkParameters();
            for (String input : inputShapes.keySet()) {
                check(activations.get(input), "network input '" + input + "' of network '" + name + "' (given by the model)",
                        "value");
            }
        }
        for (Node node : nodes) {
            NetworkContext context = node.context().training(training);
            List<INDArray> nodeInputs = new ArrayList<>(node.inputs().size());
            for (String input : node.inputs()) {
                nodeInputs.add(activations.get(input));
            }
            long start = timings == null ? 0 : System.nanoTime();
            INDArray output;
            try {
                output = node.layer().forward(nodeInputs, context);
            } catch (ContributionRemovedException | NonFiniteException | ContributionFailure e) {
                throw e;
            } catch (RuntimeException e) {
                throw layerFailure(node, "forward", "failed: " + e, e);
            }
            activations.put(node.name(), checked(node, output, node.outputShape(), nodeInputs.get(0).size(0), "forward",
                    "an output"));
            if (checking) {
                check(output, describe(node), "output");
            }
            if (timings != null) {
                timings.computeIfAbsent(node.name(), k -> new long[3])[0] += System.nanoTime() - start;
            }
        }
        List<INDArray> result = new ArrayList<>(outputs.size());
        for (String output : outputs) {
            result.add(activations.get(output));
        }
        return result;
    }

    /**
     * Runs a network with one input and returns its first output.
     *
     * @param input the input, batch first
     * @param training training or evaluation mode
     * @return the first output
     */
    public INDArray forward(INDArray input, boolean training) {
        return forward(Map.of(inputShapes.keySet().iterator().next(), input), training).get(0);
    }

    /**
     * Writes the network in evaluation mode as ONNX operators: each node through its layer's
     * {@link OnnxExportable} mapping, in graph order.
     *
     * @param graph where to write; its network inputs must already be values named as {@link #inputShapes()}'s keys
     * @param scoped gives the graph a layer writes through, with names scoped to its node
     * @return the ONNX value name of each output of {@link #outputs()}, in order
     * @throws OnnxExportException naming the node, its layer id and bundle, when a layer has no mapping or fails (a
     *         layer's own {@link OnnxExportException} says what is wrong as a predicate, "has no ONNX mapping", "cannot
     *         ...", which follows the layer's name)
     */
    public List<String> toOnnx(OnnxGraph graph, Function<String, OnnxGraph> scoped) {
        Map<String, String> values = new HashMap<>();
        inputShapes.keySet().forEach(input -> values.put(input, input));
        for (Node node : nodes) {
            if (!(node.layer() instanceof OnnxExportable exportable)) {
                throw new OnnxExportException("layer '" + node.name() + "' (" + node.origin() + ") of network '" + name
                        + "' has no ONNX mapping; its bundle can add one by implementing "
                        + OnnxExportable.class.getName() + " (docs/plugins.md)");
            }
            List<String> inputs = node.inputs().stream().map(values::get).toList();
            String output;
            try {
                output = exportable.toOnnx(scoped.apply(node.name()), inputs, node.inputShapes());
            } catch (OnnxExportException e) {
                throw new OnnxExportException("layer '" + node.name() + "' (" + node.origin() + ") of network '" + name
                        + "' " + e.getMessage());
            } catch (RuntimeException e) {
                throw new OnnxExportException("layer '" + node.name() + "' (" + node.origin() + ") of network '" + name
                        + "' failed to write its ONNX mapping: " + e);
            }
            values.put(node.name(), output);
        }
        return outputs.stream().map(values::get).toList();
    }

    /**
     * Back-propagates from the outputs of the last {@link #forward}: fills {@link ParameterStore#gradients()}
     * and {@link #inputGradient}.
     *
     * @param outputGradients dLoss/dOutput by output (or any node) name
     */
    public void backward(Map<String, INDArray> outputGradients) {
        store.gradients().assign(0); // nodes off the path from the outputs get zero, not stale, gradients
        store.zeroSharedGradients();
        Map<String, INDArray> gradients = new HashMap<>(outputGradients);
        if (checking) {
            outputGradients.forEach((output, gradient) -> check(gradient, "the gradient the model gave for '" + output
                    + "' of network '" + name + "'", "value"));
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node node = nodes.get(i);
            NetworkContext context = node.context().training(lastTraining);
            INDArray gradient = gradients.remove(node.name());
            if (gradient == null || backwardSkipped.contains(node.name())) {
                continue;
            }
            long start = timings == null ? 0 : System.nanoTime();
            List<INDArray> inputGradients;
            try {
                inputGradients = node.layer().backward(gradient, context);
            } catch (ContributionRemovedException | NonFiniteException | ContributionFailure e) {
                throw e;
            } catch (RuntimeException e) {
                throw layerFailure(node, "backward", "failed: " + e, e);
            }
            if (inputGradients == null || inputGradients.size() != node.inputs().size()) {
                throw layerFailure(node, "backward", "returned " + (inputGradients == null ? "no list" : inputGradients.size()
                        + " input gradients") + " for " + node.inputs().size() + " inputs", null);
            }
            if (timings != null) {
                long[] timing = timings.computeIfAbsent(node.name(), k -> new long[3]);
                timing[1] += System.nanoTime() - start;
                timing[2]++;
            }
            for (int j = 0; j < node.inputs().size(); j++) {
                if (context.inputGradientNeeded(j) && inputGradients.get(j) != null) {
                    checked(node, inputGradients.get(j), node.inputShapes().get(j), gradient.size(0), "backward",
                            "the gradient of input " + j);
                    if (checking) {
                        check(inputGradients.get(j), describe(node), "gradient of its input '" + node.inputs().get(j) + "'");
                    }
                    gradients.merge(node.inputs().get(j), inputGradients.get(j), INDArray::add);
                }
            }
            if (checking) {
                for (Map.Entry<String, INDArray> parameter : store.gradients(node.name()).entrySet()) {
                    check(parameter.getValue(), describe(node), "gradient of its parameter '" + parameter.getKey() + "'");
                }
            }
        }
        store.accumulateSharedGradients();
        inputGradients.clear();
        for (String input : inputShapes.keySet()) {
            INDArray gradient = gradients.get(input);
            if (gradient != null) {
                inputGradients.put(input, gradient);
            }
        }
    }

    /**
     * Back-propagates from the single output.
     *
     * @param outputGradient dLoss/dOutput
     */
    public void backward(INDArray outputGradient) {
        backward(Map.of(outputs.get(0), outputGradient));
    }

    /**
     * Asks backward to compute the gradients of the network's inputs too (a GAN's generator
     * trains through its discriminator's input gradient; gradient checks compare them). Off by
     * default: nothing is spent on the gradient of the data.
     *
     * @param enabled whether to compute them
     * @return this network
     */
    public Network computeInputGradients(boolean enabled) {
        // A node's output needs a gradient if something trainable lies at or before it (or the
        // caller wants the data's gradient): e.g. a reshape of the data needs none.
        Map<String, Boolean> needsGradient = new HashMap<>();
        inputShapes.keySet().forEach(input -> needsGradient.put(input, enabled));
        for (Node node : nodes) {
            boolean any = store.trains(node.name());
            for (int j = 0; j < node.inputs().size(); j++) {
                boolean needed = needsGradient.getOrDefault(node.inputs().get(j), true);
                node.context().needInputGradient(j, needed);
                any |= needed;
            }
            needsGradient.put(node.name(), any);
            if (any) {
                backwardSkipped.remove(node.name());
            } else {
                backwardSkipped.add(node.name());
            }
        }
        return this;
    }

    /**
     * @param input a network input name
     * @return dLoss/dInput from the last backward (e.g. through a GAN's discriminator), or {@code null}
     */
    public INDArray inputGradient(String input) {
        return inputGradients.get(input);
    }

    /**
     * @param node a node or input name
     * @return its output from the last forward (e.g. a latent code)
     */
    public INDArray activation(String node) {
        return activations.get(node);
    }

    /**
     * Turns checking of every value on or off: in forward, the parameters, the inputs and every
     * node's output (an attached activation's apart from its layer's); in backward, the gradients
     * given, every gradient a node returns and every parameter gradient. The first NaN or
     * infinite value stops the pass with a {@link NonFiniteException} naming the value, the node
     * and the bundle that contributed it. Off by default: each check costs a pass over the values.
     *
     * @param enabled whether to check
     */
    void checkValues(boolean enabled) {
        checking = enabled;
        for (Node node : nodes) {
            if (node.layer() instanceof ActivatedLayer activated) {
                activated.checkValues(enabled ? this::check : null, describe(node), name);
            }
        }
    }

    /** Checks the parameters, layer by layer in graph order, before a pass uses them. */
    private void checkParameters() {
        for (Node node : nodes) {
            for (Map.Entry<String, INDArray> value : store.values(node.name()).entrySet()) {
                check(value.getValue(), describe(node), "parameter '" + value.getKey() + "' (before this pass)");
            }
        }
    }

    private String describe(Node node) {
        return "layer '" + node.name() + "' (" + node.origin() + ") of network '" + name + "'";
    }

    /** @throws NonFiniteException if the array holds a NaN or an infinite value */
    void check(INDArray array, String where, String what) {
        if (array != null && !isFinite(array)) {
            String kind = BooleanIndexing.or(array, Conditions.isNan()) ? "NaN" : "an infinite value";
            throw new NonFiniteException(kind + " in the " + what + " of " + where);
        }
    }

    static boolean isFinite(INDArray array) {
        return Double.isFinite(array.sumNumber().doubleValue()); // any NaN or Inf makes the sum non-finite
    }

    /**
     * Starts or stops timing each node's forward and backward (for benchmarks and the
     * network view); starting clears earlier timings.
     *
     * @param enabled whether to time
     */
    public void profile(boolean enabled) {
        timings = enabled ? new LinkedHashMap<>() : null;
    }

    /**
     * @return per node: total forward nanoseconds, total backward nanoseconds, backward passes;
     *         empty unless {@link #profile(boolean)} is on
     */
    public Map<String, long[]> timings() {
        return timings == null ? Map.of() : timings;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String optimizerKey() {
        return optimizerKey == null ? name : optimizerKey;
    }

    /**
     * Makes the experiment's {@code optimizers.<key>} configure this network's optimizer (by default
     * its name), for models with several networks trained as one part (a stacked autoencoder's layers).
     *
     * @param key the key
     * @return this network
     */
    public Network optimizedAs(String key) {
        this.optimizerKey = key;
        return this;
    }

    /** @return the parameters, gradients and state, with per-layer views */
    public ParameterStore store() {
        return store;
    }

    @Override
    public INDArray parameters() {
        return store.parameters();
    }

    @Override
    public INDArray gradients() {
        return store.gradients();
    }

    @Override
    public INDArray state() {
        return store.state();
    }

    /** @return the network's random generator (dropout, noise), whose state checkpoints save */
    @Override
    public Random random() {
        return random;
    }

    /** @return the floating-point type */
    public DataType dataType() {
        return dataType;
    }

    /** @return each node with its shapes and parameter count, in graph order */
    @Override
    public List<NodeInfo> nodes() {
        return infos;
    }

    /** @return the input names and shapes */
    @Override
    public Map<String, Shape> inputShapes() {
        return inputShapes;
    }

    /** @return the output node names */
    @Override
    public List<String> outputs() {
        return outputs;
    }

    /** @return the layer and activation ids this network uses */
    public Set<String> contributionIds() {
        return contributionIds;
    }
}
