package io.latentlab.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The data-parallel benchmark (not a test: run it with {@code ./mvnw -f distributed/spark/pom.xml
 * verify -Dit.test=DataParallelBenchmark}): the dense AE and the conv AE trained by 1 and by 2
 * workers of a standalone cluster on 127.0.0.1 (one core and one ND4J thread each), with the same
 * global batch; prints training examples/s, the speed-up and the time and bytes of the gradient
 * all-reduce per step.
 */
class DataParallelBenchmark {

    private static final String DENSE = """
            name: dense-ae
            seed: 1
            dataset: {id: mnist, train_limit: %d, test_limit: 500}
            model:
              id: autoencoder
              encoder:
                - dense: {units: 256, activation: relu, initializer: he_normal}
                - dense: {units: 32, activation: relu, initializer: he_normal}
              decoder:
                - dense: {units: 256, activation: relu, initializer: he_normal}
                - dense: {units: 784, activation: sigmoid}
            optimizer: {id: adam, learning_rate: 0.001}
            training: {epochs: 1, batch_size: 128}
            """;

    private static final String CONV = """
            name: conv-ae
            seed: 1
            dataset: {id: mnist, train_limit: %d, test_limit: 500}
            model:
              id: autoencoder
              encoder:
                - conv2d: {filters: 32, kernel: 3, stride: 2, activation: relu}
                - conv2d: {filters: 64, kernel: 3, stride: 2, activation: relu}
              decoder:
                - conv2d_transpose: {filters: 32, kernel: 3, stride: 2, activation: relu}
                - conv2d_transpose: {filters: 1, kernel: 3, stride: 2, activation: sigmoid}
            optimizer: {id: adam, learning_rate: 0.001}
            training: {epochs: 1, batch_size: 128}
            """;

    private static final Pattern SUMS = Pattern.compile("Gradient sums: (\\d+), ([\\d.]+) s, ([\\d.]+) MB sent");

    @Test
    void benchmark() throws Exception {
        main(new String[0]);
    }

    public static void main(String[] arguments) throws Exception {
        Product product = LocalModeSweepTest.product();
        Path folder = Files.createTempDirectory("latentlab-data-parallel-benchmark");
        String secret = StandaloneClusterSweepTest.secret();
        List<String> rows = new ArrayList<>();
        try (LocalCluster cluster = new LocalCluster(Files.createDirectories(folder.resolve("cluster")), secret)) {
            cluster.addWorker();
            cluster.addWorker();
            try (JavaSparkContext spark = new JavaSparkContext(StandaloneClusterSweepTest.conf(cluster, secret))) {
                for (String[] model : new String[][] {{"dense AE 784-256-32-256-784", DENSE.formatted(6000)},
                        {"conv AE 32-64 / 64-32 (3x3, stride 2)", CONV.formatted(3000)}}) {
                    double alone = 0;
                    for (int workers = 1; workers <= 2; workers++) {
                        Path file = folder.resolve(model[1].lines().findFirst().orElseThrow().substring(6) + "-" + workers
                                + ".experiment.yaml");
                        Files.writeString(file, model[1]);
                        DataParallelTraining.Trained trained = DataParallelTraining.train(spark, product, file, workers,
                                folder.resolve("runs"));
                        Map<?, ?> summary = new ObjectMapper().readValue(trained.run().resolve("summary.json").toFile(),
                                Map.class);
                        double speed = ((Number) summary.get("training_examples_per_second")).doubleValue();
                        long steps = ((Number) summary.get("steps")).longValue();
                        double seconds = ((Number) summary.get("training_seconds")).doubleValue();
                        alone = workers == 1 ? speed : alone;
                        Matcher sums = SUMS.matcher(String.join(" ", trained.ranks()));
                        double reduceMs = 0;
                        double megabytes = 0;
                        if (sums.find() && workers > 1) {
                            reduceMs = Double.parseDouble(sums.group(2)) * 1000 / steps;
                            megabytes = Double.parseDouble(sums.group(3)) / steps;
                        }
                        rows.add(String.format(Locale.ROOT, "| %s | %d | %.0f | %.2fx | %.1f | %.0f%% | %.2f |", model[0],
                                workers, speed, speed / alone, reduceMs, 100 * reduceMs / (seconds * 1000 / steps),
                                megabytes));
                    }
                }
            }
        }
        System.out.println();
        System.out.println("Data-parallel training on a standalone cluster on 127.0.0.1 (1 core, 1 thread per worker),"
                + " global batch 128, 1 epoch:");
        System.out.println("| model | workers | training examples/s | speed-up | all-reduce ms/step | share of step |"
                + " MB sent per step per rank |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        rows.forEach(System.out::println);
    }
}
