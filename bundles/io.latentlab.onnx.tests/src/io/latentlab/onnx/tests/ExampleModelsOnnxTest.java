package io.latentlab.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.yaml.snakeyaml.Yaml;

import io.latentlab.analyses.OnnxNetworks;
import io.latentlab.cli.Command;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.layer.Shape;
import io.latentlab.engine.Network;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunDirectory;

/**
 * README's promise for every example experiment, as a user runs it: {@code latentlab train} (shortened:
 * 256 training images, one epoch), {@code latentlab export RUN --format onnx}, then each written
 * model in ONNX Runtime on 100 inputs (the test images where the network reads images, N(0, 1)
 * draws where it reads codes or noise) gives what the trained network gives in Latentlab, to within 1e-5.
 */
class ExampleModelsOnnxTest {

    private static BundleContext context;

    @BeforeAll
    static void startBundles() throws Exception {
        context = FrameworkUtil.getBundle(ExampleModelsOnnxTest.class).getBundleContext();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName().startsWith("io.latentlab") && bundle.getState() != Bundle.ACTIVE
                    && bundle.getHeaders().get("Fragment-Host") == null) {
                bundle.start(Bundle.START_TRANSIENT);
            }
        }
    }

    private static <T> T service(Class<T> type, java.util.function.Predicate<T> wanted) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (ServiceReference<T> reference : context.getServiceReferences(type, null)) {
                T service = context.getService(reference);
                if (service != null && wanted.test(service)) {
                    return service;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + type.getSimpleName() + " service within 20 s");
    }

    private static Command command(String name) throws Exception {
        return service(Command.class, command -> name.equals(command.name()));
    }

    /** Runs a command as `latentlab NAME ARGS...` would; returns exit code, stdout and stderr. */
    private static String[] run(String name, String... arguments) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command(name).run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(exit), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    static Path examples() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isDirectory(directory.resolve("examples")) && Files.isDirectory(directory.resolve("bundles"))) {
                return directory.resolve("examples");
            }
        }
        throw new AssertionError("no examples/ folder above " + Path.of("").toAbsolutePath());
    }

    /** Every example experiment but the sweep (the autoencoder's grid, whose model the autoencoder example has). */
    static Stream<String> exampleFiles() throws Exception {
        try (Stream<Path> listing = Files.list(examples())) {
            return listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".experiment.yaml"))
                    .filter(n -> !n.startsWith("sweep")).sorted().toList().stream();
        }
    }

    /** The example, shortened: 256 training and 100 test images, one epoch (a stacked AE: one per phase). */
    @SuppressWarnings("unchecked")
    private static Path shortened(String example, Path folder) throws Exception {
        Yaml yaml = new Yaml();
        Map<String, Object> experiment = yaml.load(Files.readString(examples().resolve(example)));
        Map<String, Object> dataset = new LinkedHashMap<>((Map<String, Object>) experiment.get("dataset"));
        dataset.put("train_limit", 256);
        dataset.put("test_limit", 100);
        experiment.put("dataset", dataset);
        Map<String, Object> model = (Map<String, Object>) experiment.get("model");
        Map<String, Object> training = new LinkedHashMap<>((Map<String, Object>) experiment.get("training"));
        int epochs = 1;
        if (model.containsKey("pretrain_epochs")) {
            model.put("pretrain_epochs", 1);
            epochs = ((List<?>) model.get("encoder")).size() + 1;
        }
        training.put("epochs", epochs);
        experiment.put("training", training);
        Path file = folder.resolve(example);
        Files.writeString(file, yaml.dump(experiment));
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleFiles")
    void everyNetworkOfATrainedExampleRunsTheSameInOnnxRuntime(String example, @TempDir Path folder) throws Exception {
        Path runs = folder.resolve("runs");
        String[] trained = run("train", shortened(example, folder).toString(), "--runs", runs.toString());
        assertEquals("0", trained[0], example + ": " + trained[2]);
        Path runDirectory;
        try (Stream<Path> listing = Files.list(runs)) {
            runDirectory = listing.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        String[] exported = run("export", runDirectory.toString(), "--format", "onnx");
        assertEquals("0", exported[0], example + ": " + exported[2]);

        ContributionRegistry registry = service(ContributionRegistry.class, r -> true);
        ExperimentRunner.LoadedRun loaded = new ExperimentRunner(registry).load(runDirectory,
                RunDirectory.experiment(new ExperimentReader(registry), runDirectory));
        INDArray images = loaded.dataset().testFeatures();
        assertTrue(images.size(0) >= 100, example + ": " + images.size(0) + " test images");
        images = images.get(NDArrayIndex.interval(0, 100)).dup();
        List<Network> networks = OnnxNetworks.of(loaded.model());
        assertFalse(networks.isEmpty(), example);
        List<String> checked = new ArrayList<>();
        for (Network network : networks) {
            Path file = runDirectory.resolve("onnx").resolve(network.name() + ".onnx");
            assertTrue(exported[1].contains(file.toAbsolutePath().toString()), exported[1]);
            Map<String, INDArray> inputs = new LinkedHashMap<>();
            Nd4j.getRandom().setSeed(3);
            for (Map.Entry<String, Shape> input : network.inputShapes().entrySet()) {
                boolean readsImages = input.getValue().equals(Shape.ofBatch(images.shape()));
                inputs.put(input.getKey(), readsImages ? images
                        : Nd4j.randn(DataType.FLOAT, input.getValue().withBatch(100)));
            }
            OnnxRuntimeCheck.assertSameOutputs(Files.readAllBytes(file), network, inputs, example + ", " + network.name());
            checked.add(network.name());
        }
        System.out.println(example + ": ONNX Runtime = Latentlab within 1e-5 for " + checked);
    }

    /** {@code --network} writes one; a name the model lacks is refused with the names it has, and nothing is written. */
    @Test
    void oneNetworkByNameAndAnUnknownName(@TempDir Path folder) throws Exception {
        Path runs = folder.resolve("runs");
        assertEquals("0", run("train", shortened("vae.experiment.yaml", folder).toString(), "--runs", runs.toString())[0]);
        Path runDirectory;
        try (Stream<Path> listing = Files.list(runs)) {
            runDirectory = listing.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path decoder = folder.resolve("out").resolve("vae-decoder.onnx");
        String[] one = run("export", runDirectory.toString(), "--format", "onnx", "--network", "decoder", "--out",
                decoder.toString());
        assertEquals("0", one[0], one[2]);
        assertTrue(Files.size(decoder) > 1000);
        assertTrue(one[1].startsWith("Wrote 1 ONNX model (opset 17"), one[1]);

        String[] unknown = run("export", runDirectory.toString(), "--format", "onnx", "--network", "generator");
        assertEquals("2", unknown[0]);
        assertTrue(unknown[2].contains("has no network 'generator'; its networks: encoder, decoder"), unknown[2]);
        assertFalse(Files.exists(runDirectory.resolve("onnx")), "nothing written");

        String[] format = run("export", runDirectory.toString(), "--format", "tflite");
        assertEquals("2", format[0]);
        assertTrue(format[2].contains("formats: npz, onnx"), format[2]);
    }
}
