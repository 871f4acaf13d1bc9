package io.latentlab.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.core.model.TrainedNetwork;
import io.latentlab.core.model.Update;
import io.latentlab.core.optim.OptimizerChoice;
import io.latentlab.engine.ModelStep;
import io.latentlab.engine.Network;
import io.latentlab.layers.core.Conv2D;
import io.latentlab.layers.core.Conv2DTranspose;
import io.latentlab.layers.core.Dense;
import io.latentlab.layers.core.Flatten;
import io.latentlab.layers.core.Reshape;
import io.latentlab.layers.core.activation.Relu;
import io.latentlab.layers.core.activation.Sigmoid;
import io.latentlab.layers.core.loss.BinaryCrossEntropy;
import io.latentlab.models.ae.Autoencoder;
import io.latentlab.nd4j.BackendInfo;
import io.latentlab.nd4j.NativeMemory;
import io.latentlab.nd4j.Nd4jRuntime;
import io.latentlab.optimizers.core.Adam;

/**
 * Trains the engine benchmark's two autoencoders on MNIST (batch 128, Adam 1e-3, BCE) with
 * our engine, with DL4J's MultiLayerNetwork on the same backend, threads and data, and with
 * PyTorch on the CPU (benchmarks/pytorch/reference.py, same steps and threads), and prints
 * examples/s side by side, the ratios, memory, the dense net's pure-gemm ceiling and a
 * breakdown of one of our steps. Ours is the autoencoder model trained by the engine's
 * {@link ModelStep}, the step `latentlab train` runs. Writes the figures to bench-results/engine-*.json.
 * Arguments: [--steps N] [--warmup N] [--mnist DIR] [--python PATH] (PyTorch's interpreter, default
 * /usr/bin/python3; the row says why when it cannot run).
 */
public final class EngineBenchmark {

    private static final int BATCH = 128;

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int steps = 150;
        int warmup = 15;
        String engine = null;
        String model = null;
        Path mnist = Path.of("../shared/datasets/mnist");
        String python = "/usr/bin/python3";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--steps" -> steps = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--mnist" -> mnist = Path.of(args[i + 1]);
                case "--engine" -> engine = args[i + 1];
                case "--model" -> model = args[i + 1];
                case "--python" -> python = args[i + 1];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (engine != null) {
            runOne(engine, model, steps, warmup, mnist);
            return;
        }
        // Each engine and model trains in a JVM of its own, so that memory figures and garbage
        // collections belong to one engine; the same class path, data, threads and settings.
        BackendInfo backend = Nd4jRuntime.initialize();
        System.out.printf(Locale.ROOT, "Backend %s, native %s, %d OpenMP threads; %d steps of batch %d after %d warm-up%n",
                backend.backend(), backend.nativeVariant(), backend.ompThreads(), steps, BATCH, warmup);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("backend", backend.nativeVariant());
        results.put("threads", backend.ompThreads());
        results.put("batch", BATCH);
        results.put("steps", steps);
        for (String name : List.of("dense_ae", "conv_ae")) {
            int modelSteps = name.equals("conv_ae") ? Math.max(10, steps / 3) : steps;
            Map<String, String> ours = child(args, "latentlab", name, modelSteps, warmup);
            Map<String, String> theirs = child(args, "dl4j", name, modelSteps, warmup);
            Map<String, Object> pytorch = pytorch(python, name, mnist, modelSteps, warmup, backend.ompThreads());
            double ourSpeed = Double.parseDouble(ours.get("examples_per_s"));
            double ratio = ourSpeed / Double.parseDouble(theirs.get("examples_per_s"));
            System.out.println();
            System.out.println(ours.get("title"));
            System.out.printf(Locale.ROOT, "  Latentlab %8s examples/s | DL4J %8s examples/s | ratio %.2fx%n",
                    ours.get("examples_per_s"), theirs.get("examples_per_s"), ratio);
            if (pytorch.get("examples_per_second") instanceof Number speed) {
                pytorch.put("ratio", Math.round(ourSpeed / speed.doubleValue() * 100) / 100.0);
                System.out.printf(Locale.ROOT, "  Latentlab %8s examples/s | %s %8.0f examples/s | ratio %.2fx"
                        + " (peak RSS %s MB)%n", ours.get("examples_per_s"), pytorch.get("engine"), speed.doubleValue(),
                        ourSpeed / speed.doubleValue(), pytorch.get("peak_rss_mb"));
            } else {
                System.out.println("  PyTorch: not run: " + pytorch.get("error"));
            }
            System.out.printf(Locale.ROOT, "  peak RSS: Latentlab %s MB, DL4J %s MB (off-heap included); heap in use: %s MB, %s MB%n",
                    ours.get("peak_rss_mb"), theirs.get("peak_rss_mb"), ours.get("heap_used_mb"), theirs.get("heap_used_mb"));
            System.out.println("  our step: " + ours.get("phases"));
            System.out.println("  our layers (forward/backward ms): " + ours.get("layers"));
            if (ours.containsKey("gemm_ceiling_ms")) {
                double stepMillis = BATCH * 1000.0 / Double.parseDouble(ours.get("examples_per_s"));
                System.out.printf(Locale.ROOT, "  gemm ceiling: %s ms per step; our step %.2f ms = %.2fx the ceiling%n",
                        ours.get("gemm_ceiling_ms"), stepMillis, stepMillis / Double.parseDouble(ours.get("gemm_ceiling_ms")));
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("latentlab", ours);
            result.put("dl4j", theirs);
            result.put("pytorch", pytorch);
            result.put("ratio", Math.round(ratio * 100) / 100.0);
            results.put(name, result);
        }
        Path file = Path.of("bench-results", "engine-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.write(results) + "\n");
        System.out.println();
        System.out.println("Figures written to " + file.toAbsolutePath().normalize());
    }

    /**
     * PyTorch on the same model, steps, warm-up and threads (benchmarks/pytorch/reference.py);
     * its JSON as a map, or {@code error} saying why it could not run.
     */
    private static Map<String, Object> pytorch(String python, String model, Path mnist, int steps, int warmup,
            int threads) throws InterruptedException {
        List<String> command = List.of(python, "benchmarks/pytorch/reference.py", model, "--mnist", mnist.toString(),
                "--steps", Integer.toString(steps), "--warmup", Integer.toString(warmup), "--threads",
                Integer.toString(threads));
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String[] lines = new String(process.getInputStream().readAllBytes()).strip().split("\n");
            String last = lines[lines.length - 1];
            if (process.waitFor() != 0 || !last.startsWith("{")) {
                values.put("error", String.join(" ", command) + " exited with " + process.exitValue() + ": " + last);
                return values;
            }
            values.putAll(Json.read(last));
        } catch (IOException e) {
            values.put("error", e.getMessage());
        }
        return values;
    }

    /** Runs one engine on one model in a child JVM and returns the key=value lines it printed. */
    private static Map<String, String> child(String[] args, String engine, String model, int steps, int warmup)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EngineBenchmark.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--engine", engine, "--model", model, "--steps", Integer.toString(steps), "--warmup",
                Integer.toString(warmup)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : new String(process.getInputStream().readAllBytes()).split("\n")) {
            int equals = line.indexOf('=');
            if (line.startsWith("result.") && equals > 0) {
                values.put(line.substring("result.".length(), equals), line.substring(equals + 1));
            }
        }
        if (process.waitFor() != 0 || !values.containsKey("examples_per_s")) {
            throw new IllegalStateException(engine + " " + model + " failed (exit " + process.exitValue() + "): " + values);
        }
        return values;
    }

    private static void runOne(String engine, String model, int steps, int warmup, Path mnist) throws IOException {
        Nd4jRuntime.initialize();
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        float[][] images = MnistImages.read(mnist.resolve("train-images-idx3-ubyte.gz"), Math.min(60_000, (steps + warmup) * BATCH));
        INDArray all = Nd4j.createFromArray(images);
        boolean conv = "conv_ae".equals(model);
        Map<String, Object> result = "dl4j".equals(engine)
                ? reference(conv ? convReference() : denseReference(), all, steps, warmup, conv)
                : ours(conv ? CONV : DENSE, conv, all, steps, warmup);
        result.put("title", conv ? "conv AE 1-32-64-32-1 (3x3, stride 2)" : "dense AE 784-256-32-256-784");
        if (!conv && !"dl4j".equals(engine)) {
            result.put("gemm_ceiling_ms", gemmCeilingMillis());
        }
        result.put("peak_rss_mb", peakRssMegabytes());
        result.put("heap_used_mb", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1 << 20));
        result.forEach((key, value) -> System.out.println("result." + key + "=" + value));
    }

    private static final Map<String, List<LayerEntry>> DENSE = Map.of(
            "encoder", List.of(layer("enc1", "dense", "units", 256, "activation", "relu", "initializer", "he_normal"),
                    layer("enc2", "dense", "units", 32, "activation", "relu", "initializer", "he_normal")),
            "decoder", List.of(layer("dec1", "dense", "units", 256, "activation", "relu", "initializer", "he_normal"),
                    layer("dec2", "dense", "units", 784, "activation", "sigmoid")));

    private static final Map<String, List<LayerEntry>> CONV = Map.of(
            "encoder", List.of(layer("enc1", "conv2d", "filters", 32, "kernel", 3, "stride", 2, "activation", "relu"),
                    layer("enc2", "conv2d", "filters", 64, "kernel", 3, "stride", 2, "activation", "relu")),
            "decoder", List.of(
                    layer("dec1", "conv2d_transpose", "filters", 32, "kernel", 3, "stride", 2, "activation", "relu"),
                    layer("dec2", "conv2d_transpose", "filters", 1, "kernel", 3, "stride", 2, "activation", "sigmoid")));

    private static LayerEntry layer(String name, String type, Object... parameters) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            map.put((String) parameters[i], parameters[i + 1]);
        }
        return new LayerEntry(name, type, map);
    }

    private static List<INDArray> batches(INDArray all, int count) {
        List<INDArray> batches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long from = (long) i * BATCH % (all.size(0) - BATCH + 1);
            batches.add(all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + BATCH)).dup());
        }
        return batches;
    }

    private static Map<String, Object> reference(MultiLayerNetwork network, INDArray all, int steps, int warmup,
            boolean image) {
        List<INDArray> batches = batches(all, steps + warmup);
        double rate = time(steps, warmup, (i, record) -> {
            INDArray features = image ? batches.get(i).reshape(BATCH, 1, 28, 28) : batches.get(i);
            network.fit(new DataSet(features, features));
        });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("examples_per_s", Math.round(rate));
        return result;
    }

    /** The autoencoder model trained by the engine's step, as `latentlab train` trains it (less data loading and logging). */
    private static Map<String, Object> ours(Map<String, List<LayerEntry>> stacks, boolean image, INDArray all, int steps,
            int warmup) {
        ContributionRegistry registry = ContributionRegistry.of(new Dense(), new Conv2D(), new Conv2DTranspose(),
                new Flatten(), new Reshape(), new Relu(), new Sigmoid(), new BinaryCrossEntropy(), new Adam());
        Autoencoder factory = new Autoencoder();
        Shape shape = image ? Shape.of(1, 28, 28) : Shape.of(784);
        TimedModel model = new TimedModel(factory.create(new ModelSetup(Parameters.of(factory.schema(), Map.of()), stacks,
                shape, 0, registry, DataType.FLOAT, 1, 100)));
        ModelStep step = new ModelStep(model, Map.of(OptimizerChoice.DEFAULT_KEY, new OptimizerChoice(Adam.ID,
                Parameters.of(new Adam().schema(), Map.of("learning_rate", 1e-3)))), registry, 0, 0, steps + warmup);
        Network network = (Network) model.networks().get(0);
        List<INDArray> batches = batches(all, steps + warmup).stream()
                .map(batch -> image ? batch.reshape(BATCH, 1, 28, 28) : batch).toList();
        double ours = time(steps, warmup, (i, record) -> {
            if (i == warmup) {
                network.profile(true);
                model.gradientNanos = 0;
            }
            step.step(batches.get(i), null, i + 1);
        });
        long total = Math.round(steps * BATCH * 1e9 / ours);
        double gradients = model.gradientNanos / (double) total;
        String breakdown = String.format(Locale.ROOT, "model's forward, loss and backward %.2f ms (%.0f%%); engine's"
                + " checks, norm and optimizer %.2f ms (%.0f%%)", model.gradientNanos / 1e6 / steps, 100 * gradients,
                (total - model.gradientNanos) / 1e6 / steps, 100 * (1 - gradients));
        Map<String, Object> nodeMillis = new LinkedHashMap<>();
        StringBuilder perNode = new StringBuilder();
        network.timings().forEach((node, timing) -> {
            double forward = timing[0] / 1e6 / steps;
            double backward = timing[1] / 1e6 / steps;
            nodeMillis.put(node, List.of(Math.round(forward * 1000) / 1000.0, Math.round(backward * 1000) / 1000.0));
            perNode.append(String.format(Locale.ROOT, " %s %.2f/%.2f", node, forward, backward));
        });
        network.profile(false);
        double bce = model.evaluate(batches.get(0), null).get("test_bce");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("examples_per_s", Math.round(ours));
        result.put("bce_after_training", Math.round(bce * 10000) / 10000.0);
        result.put("phases", breakdown);
        result.put("layers", perNode.toString().trim());
        result.put("parameters", network.store().trainableCount());
        return result;
    }

    /** The model with the time of its own part of each step (forward, loss, backward) kept. */
    private static final class TimedModel implements Model {
        private final Model model;
        long gradientNanos;

        TimedModel(Model model) {
            this.model = model;
        }

        @Override
        public List<TrainedNetwork> networks() {
            return model.networks();
        }

        @Override
        public Map<String, Double> computeGradients(Update update, INDArray features, INDArray labels, long step) {
            long start = System.nanoTime();
            Map<String, Double> metrics = model.computeGradients(update, features, labels, step);
            gradientNanos += System.nanoTime() - start;
            return metrics;
        }

        @Override
        public Map<String, Double> evaluate(INDArray features, INDArray labels) {
            return model.evaluate(features, labels);
        }

        @Override
        public INDArray sample(INDArray features) {
            return model.sample(features);
        }

        @Override
        public String headlineMetric() {
            return model.headlineMetric();
        }

        @Override
        public List<String> contributionIds() {
            return model.contributionIds();
        }
    }

    private interface Step {
        void run(int index, boolean record);
    }

    /** @return examples per second over the timed steps */
    private static double time(int steps, int warmup, Step step) {
        for (int i = 0; i < warmup; i++) {
            step.run(i, false);
        }
        long start = System.nanoTime();
        for (int i = warmup; i < warmup + steps; i++) {
            step.run(i, true);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return steps * (double) BATCH / seconds;
    }

    /** The dense AE step's matrix products alone (forward, weight and input gradients), into preallocated arrays. */
    private static double gemmCeilingMillis() {
        int[] sizes = {784, 256, 32, 256, 784};
        List<INDArray[]> products = new ArrayList<>();
        for (int l = 0; l < 4; l++) {
            INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, sizes[l]);
            INDArray w = Nd4j.rand(DataType.FLOAT, sizes[l], sizes[l + 1]);
            INDArray y = Nd4j.create(DataType.FLOAT, BATCH, sizes[l + 1]);
            INDArray dw = Nd4j.create(DataType.FLOAT, sizes[l], sizes[l + 1]);
            INDArray dx = Nd4j.create(DataType.FLOAT, BATCH, sizes[l]);
            products.add(new INDArray[] {x, w, y, dw, dx});
        }
        Runnable step = () -> {
            for (INDArray[] p : products) {
                Nd4j.gemm(p[0], p[1], p[2], false, false, 1, 0);
                Nd4j.gemm(p[0], p[2], p[3], true, false, 1, 0);
                Nd4j.gemm(p[2], p[1], p[4], false, true, 1, 0);
            }
        };
        for (int i = 0; i < 20; i++) {
            step.run();
        }
        int repeats = 200;
        long start = System.nanoTime();
        for (int i = 0; i < repeats; i++) {
            step.run();
        }
        double millis = (System.nanoTime() - start) / 1e6 / repeats;
        return Math.round(millis * 1000) / 1000.0;
    }

    private static MultiLayerNetwork denseReference() {
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT)
                .updater(new org.nd4j.linalg.learning.config.Adam(1e-3)).weightInit(WeightInit.RELU).list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(256).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(256).nOut(32).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(32).nOut(256).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(256).nOut(784)
                        .activation(Activation.SIGMOID).weightInit(WeightInit.XAVIER).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }

    private static MultiLayerNetwork convReference() {
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT)
                .updater(new org.nd4j.linalg.learning.config.Adam(1e-3)).weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same).list()
                .layer(new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(32).activation(Activation.RELU).build())
                .layer(new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(64).activation(Activation.RELU).build())
                .layer(new Deconvolution2D.Builder(3, 3).stride(2, 2).nOut(32).activation(Activation.RELU).build())
                .layer(new Deconvolution2D.Builder(3, 3).stride(2, 2).nOut(1).activation(Activation.SIGMOID).build())
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.XENT).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(28, 28, 1)).build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }

    private static long peakRssMegabytes() {
        double peak = NativeMemory.peakResidentMb();
        return Double.isNaN(peak) ? -1 : (long) peak; // not Linux: reported as -1
    }
}
