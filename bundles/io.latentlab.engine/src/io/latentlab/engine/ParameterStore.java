package io.latentlab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import io.latentlab.core.layer.Initializer;
import io.latentlab.core.layer.ParameterBinding;
import io.latentlab.core.layer.ParameterDeclaration;
import io.latentlab.core.layer.ParameterDeclarations;
import io.latentlab.nd4j.NativeMemory;

/**
 * All parameters of a network in one flat row vector (and the gradients in another, and
 * non-trainable state in a third), with per-layer views. One flat array lets the optimizer
 * update everything in a few fused ops per step.
 */
public final class ParameterStore {

    private final DataType dataType;
    private final Map<String, List<ParameterDeclaration>> declarations = new LinkedHashMap<>();
    private INDArray parameters;
    private INDArray gradients;
    private INDArray state;
    private final Map<String, Map<String, INDArray>> valueViews = new LinkedHashMap<>();
    private final Map<String, Map<String, INDArray>> gradientViews = new LinkedHashMap<>();
    /** Nodes that use another node's parameters: node -> owner. */
    private final Map<String, String> sharing = new LinkedHashMap<>();

    /**
     * @param dataType the type of every array
     */
    public ParameterStore(DataType dataType) {
        this.dataType = dataType;
    }

    /**
     * @param owner a node name
     * @return where that node declares its parameters
     */
    ParameterDeclarations declarationsFor(String owner) {
        List<ParameterDeclaration> list = declarations.computeIfAbsent(owner, k -> new ArrayList<>());
        return new ParameterDeclarations() {
            @Override
            public void weight(String name, long[] shape, Initializer initializer, long fanIn, long fanOut) {
                add(new ParameterDeclaration(name, shape.clone(), initializer, fanIn, fanOut, 0, true));
            }

            @Override
            public void weight(String name, long[] shape, double value) {
                add(new ParameterDeclaration(name, shape.clone(), Initializer.CONSTANT, 0, 0, value, true));
            }

            @Override
            public void state(String name, long[] shape, double value) {
                add(new ParameterDeclaration(name, shape.clone(), Initializer.CONSTANT, 0, 0, value, false));
            }

            private void add(ParameterDeclaration declaration) {
                if (list.stream().anyMatch(d -> d.name().equals(declaration.name()))) {
                    throw new IllegalStateException("layer '" + owner + "' declares '" + declaration.name() + "' twice");
                }
                list.add(declaration);
            }
        };
    }

    /**
     * Makes {@code node} use {@code owner}'s parameters: its declarations must repeat the
     * owner's, its gradients are kept apart and added to the owner's after each backward.
     */
    void share(String node, String owner) {
        sharing.put(node, owner);
    }

    /** Allocates the flat arrays and the views, after every layer has declared. */
    void allocate() {
        for (Map.Entry<String, String> entry : sharing.entrySet()) {
            List<ParameterDeclaration> mine = declarations.remove(entry.getKey());
            List<ParameterDeclaration> theirs = declarations.getOrDefault(entry.getValue(), List.of());
            if (!describe(mine).equals(describe(theirs))) {
                throw new NetworkBuildException(entry.getKey(), "layer '" + entry.getKey() + "' shares parameters with '"
                        + entry.getValue() + "' but declares " + describe(mine) + " where '" + entry.getValue()
                        + "' has " + describe(theirs), null);
            }
        }
        long trainable = 0;
        long stateLength = 0;
        for (List<ParameterDeclaration> list : declarations.values()) {
            for (ParameterDeclaration declaration : list) {
                if (declaration.trainable()) {
                    trainable += declaration.length();
                } else {
                    stateLength += declaration.length();
                }
            }
        }
        requireFits(trainable, stateLength);
        parameters = Nd4j.create(dataType, 1, Math.max(trainable, 1));
        gradients = Nd4j.create(dataType, 1, Math.max(trainable, 1));
        state = Nd4j.create(dataType, 1, Math.max(stateLength, 1));
        long offset = 0;
        long stateOffset = 0;
        for (Map.Entry<String, List<ParameterDeclaration>> entry : declarations.entrySet()) {
            Map<String, INDArray> values = new LinkedHashMap<>();
            Map<String, INDArray> grads = new LinkedHashMap<>();
            for (ParameterDeclaration declaration : entry.getValue()) {
                long length = declaration.length();
                if (declaration.trainable()) {
                    values.put(declaration.name(), view(parameters, offset, length, declaration.shape()));
                    grads.put(declaration.name(), view(gradients, offset, length, declaration.shape()));
                    offset += length;
                } else {
                    values.put(declaration.name(), view(state, stateOffset, length, declaration.shape()));
                    stateOffset += length;
                }
            }
            valueViews.put(entry.getKey(), values);
            gradientViews.put(entry.getKey(), grads);
        }
        for (Map.Entry<String, String> entry : sharing.entrySet()) {
            Map<String, INDArray> grads = new LinkedHashMap<>();
            valueViews.get(entry.getValue()).forEach((name, value) -> grads.put(name, Nd4j.zeros(dataType, value.shape())));
            valueViews.put(entry.getKey(), valueViews.get(entry.getValue()));
            gradientViews.put(entry.getKey(), grads);
        }
    }

    private static List<String> describe(List<ParameterDeclaration> declarations) {
        return declarations == null ? List.of() : declarations.stream()
                .map(d -> d.name() + Arrays.toString(d.shape()) + (d.trainable() ? "" : " (state)")).toList();
    }

    /**
     * @param owner a node name
     * @return whether the node trains parameters, its own or shared
     */
    boolean trains(String owner) {
        return trainableCount(owner) > 0 || sharing.containsKey(owner);
    }

    /** Zeroes the separate gradients of sharing nodes, before a backward pass. */
    void zeroSharedGradients() {
        sharing.keySet().forEach(node -> gradientViews.get(node).values().forEach(g -> g.assign(0)));
    }

    /** Adds each sharing node's gradients into its owner's, after a backward pass. */
    void accumulateSharedGradients() {
        sharing.forEach((node, owner) -> gradientViews.get(node).forEach((name, gradient) -> {
            INDArray ownerGradient = gradientViews.get(owner).get(name);
            if (ownerGradient != null) {
                ownerGradient.addi(gradient);
            }
        }));
    }

    /**
     * Refuses a network whose parameters cannot be held, before anything is allocated: libnd4j
     * does not fail cleanly when an allocation is refused, it takes the process down. Counted:
     * values and gradients, two optimizer moments (Adam's), and the non-trainable state.
     */
    private void requireFits(long trainable, long stateLength) {
        long width = dataType.width();
        long bytes;
        try {
            bytes = Math.multiplyExact(Math.addExact(Math.multiplyExact(4, trainable), stateLength), width);
        } catch (ArithmeticException e) {
            bytes = Long.MAX_VALUE;
        }
        if (NativeMemory.fits(bytes)) {
            return;
        }
        String largest = null;
        long largestCount = -1;
        for (Map.Entry<String, List<ParameterDeclaration>> entry : declarations.entrySet()) {
            long count = entry.getValue().stream().mapToLong(ParameterDeclaration::length).sum();
            if (count > largestCount) {
                largest = entry.getKey();
                largestCount = count;
            }
        }
        throw new NetworkBuildException(largest, String.format(Locale.ROOT, "the network's %,d parameters need about %s"
                + " (values, gradients and optimizer state, %s) but %s are available to arrays; layer '%s' alone holds"
                + " %,d of them: make it smaller", trainable + stateLength, size(bytes), dataType, size(NativeMemory.budgetBytes()),
                largest, largestCount), null);
    }

    private static String size(long bytes) {
        return bytes == Long.MAX_VALUE ? "more than 8 EB" : String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    private static INDArray view(INDArray flat, long offset, long length, long[] shape) {
        return flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + length)).reshape('c', shape);
    }

    /**
     * Draws initial values for every parameter from a generator seeded by {@code seed} and the
     * parameter's node and name, so that adding a layer does not change the others' values.
     *
     * @param seed the network seed
     */
    void initialize(long seed) {
        for (Map.Entry<String, List<ParameterDeclaration>> entry : declarations.entrySet()) {
            for (ParameterDeclaration declaration : entry.getValue()) {
                INDArray target = valueViews.get(entry.getKey()).get(declaration.name());
                long paramSeed = seed * 31 + (entry.getKey() + "/" + declaration.name()).hashCode();
                target.assign(initialValues(declaration, new SplittableRandom(paramSeed)).reshape(target.shape()));
            }
        }
    }

    private INDArray initialValues(ParameterDeclaration declaration, SplittableRandom random) {
        int length = Math.toIntExact(declaration.length());
        double[] values = new double[length];
        switch (declaration.initializer()) {
            case ZEROS -> { }
            case ONES -> Arrays.fill(values, 1.0);
            case CONSTANT -> Arrays.fill(values, declaration.constant());
            case XAVIER_UNIFORM -> {
                double limit = Math.sqrt(6.0 / Math.max(1, declaration.fanIn() + declaration.fanOut()));
                for (int i = 0; i < length; i++) {
                    values[i] = (random.nextDouble() * 2 - 1) * limit;
                }
            }
            case HE_NORMAL -> {
                double sigma = Math.sqrt(2.0 / Math.max(1, declaration.fanIn()));
                for (int i = 0; i < length; i++) {
                    values[i] = gaussian(random) * sigma;
                }
            }
        }
        return Nd4j.createFromArray(values).castTo(dataType);
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /**
     * @param owner a node name
     * @return the node's views
     */
    ParameterBinding bindingFor(String owner) {
        Map<String, INDArray> values = valueViews.getOrDefault(owner, Map.of());
        Map<String, INDArray> grads = gradientViews.getOrDefault(owner, Map.of());
        return new ParameterBinding() {
            @Override
            public INDArray value(String name) {
                INDArray value = values.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("layer '" + owner + "' declared no parameter '" + name + "'");
                }
                return value;
            }

            @Override
            public INDArray gradient(String name) {
                INDArray gradient = grads.get(name);
                if (gradient == null) {
                    throw new IllegalArgumentException("layer '" + owner + "' declared no trainable parameter '" + name + "'");
                }
                return gradient;
            }
        };
    }

    /** @return all trainable parameters, one row vector (live) */
    public INDArray parameters() {
        return parameters;
    }

    /** @return their gradients after a backward pass, one row vector (live) */
    public INDArray gradients() {
        return gradients;
    }

    /** @return non-trainable state (e.g. batch-norm statistics), one row vector (live) */
    public INDArray state() {
        return state;
    }

    /** @return the number of trainable values */
    public long trainableCount() {
        return declarations.values().stream().flatMap(List::stream).filter(ParameterDeclaration::trainable)
                .mapToLong(ParameterDeclaration::length).sum();
    }

    /**
     * @param owner a node name
     * @return the number of trainable values of that node
     */
    public long trainableCount(String owner) {
        return declarations.getOrDefault(owner, List.of()).stream().filter(ParameterDeclaration::trainable)
                .mapToLong(ParameterDeclaration::length).sum();
    }

    /**
     * @param owner a node name
     * @return its parameter values by name (views)
     */
    public Map<String, INDArray> values(String owner) {
        return valueViews.getOrDefault(owner, Map.of());
    }

    /**
     * @param owner a node name
     * @return its parameter gradients by name (views)
     */
    public Map<String, INDArray> gradients(String owner) {
        return gradientViews.getOrDefault(owner, Map.of());
    }

    /** @return the data type of every array */
    public DataType dataType() {
        return dataType;
    }
}
