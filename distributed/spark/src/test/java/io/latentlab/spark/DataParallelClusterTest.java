package io.latentlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One model trained by two Spark tasks on a standalone cluster (a Master and two Workers on
 * 127.0.0.1, shared secret on), each on half of every batch: the numbers one process gives on the
 * whole batches, also when a Worker is lost mid-run and the stage starts again from the checkpoint.
 */
class DataParallelClusterTest {

    static final String EXPERIMENT = """
            name: parallel-ae
            seed: 11
            dataset: {id: mnist, train_limit: 1600, test_limit: 256}
            model:
              id: autoencoder
              encoder:
                - dense: {units: 64, activation: relu}
                - dense: {units: 16, activation: relu}
              decoder:
                - dense: {units: 64, activation: relu}
                - dense: {units: 784, activation: sigmoid}
            optimizer: {id: adam, learning_rate: 0.003}
            training: {epochs: 2, batch_size: 64}
            """;

    /** Relative difference allowed: float32 sums in another order (measured below 1e-6). */
    private static final double TOLERANCE = 1e-5;

    @Test
    void twoWorkersOnHalfBatchesReproduceOneProcessOnWholeBatches(@TempDir Path folder) throws Exception {
        Product product = LocalModeSweepTest.product();
        Path file = folder.resolve("parallel.experiment.yaml");
        Files.writeString(file, EXPERIMENT);
        Path alone = trainAlone(product, folder, file);

        String secret = StandaloneClusterSweepTest.secret();
        try (LocalCluster cluster = new LocalCluster(Files.createDirectories(folder.resolve("cluster")), secret)) {
            cluster.addWorker();
            cluster.addWorker();
            Path run;
            long started = System.nanoTime();
            try (JavaSparkContext spark = new JavaSparkContext(StandaloneClusterSweepTest.conf(cluster, secret))) {
                run = DataParallelTraining.train(spark, product, file, 2, folder.resolve("spark")).run();
            }
            System.out.printf("2 workers, 50 steps: %.1f s with start-up%n", (System.nanoTime() - started) / 1e9);
            assertSameNumbers(alone, run, 50);
            assertTrue(Files.readString(run.resolve("run.log")).contains("data-parallel: 2 processes"));
        }
    }

    /**
     * A Worker and its processes die while the two ranks train; a replacement Worker joins. Spark
     * runs the barrier stage again, both ranks start from the run's last checkpoint, and the run
     * ends with the numbers of an uninterrupted one.
     */
    @Test
    void aLostWorkerRestartsTheStageFromTheCheckpointToTheSameNumbers(@TempDir Path folder) throws Exception {
        Product product = LocalModeSweepTest.product();
        Path file = folder.resolve("parallel.experiment.yaml");
        Files.writeString(file, EXPERIMENT.replace("train_limit: 1600", "train_limit: 4096").replace("epochs: 2", "epochs: 6"));
        Path alone = trainAlone(product, folder, file);

        String secret = StandaloneClusterSweepTest.secret();
        try (LocalCluster cluster = new LocalCluster(Files.createDirectories(folder.resolve("cluster")), secret)) {
            Process doomed = cluster.addWorker();
            cluster.addWorker();
            Path shared = folder.resolve("spark");
            CompletableFuture<Path> training = CompletableFuture.supplyAsync(() -> {
                try (JavaSparkContext spark = new JavaSparkContext(StandaloneClusterSweepTest.conf(cluster, secret))) {
                    return DataParallelTraining.train(spark, product, file, 2, shared).run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!trainingWithACheckpoint(shared)) {
                assertTrue(System.nanoTime() < deadline && !training.isDone(), "the run was not caught training");
                Thread.sleep(100);
            }
            doomed.descendants().forEach(ProcessHandle::destroyForcibly); // the machine is gone: executor, product
            doomed.destroyForcibly();
            cluster.addWorker(); // and a replacement joins
            Path run = training.get(10, TimeUnit.MINUTES);
            assertTrue(Files.readString(run.resolve("run.log")).contains("resumed at step "), "the run went on from its"
                    + " checkpoint");
            assertSameNumbers(alone, run, 6 * 64);
        }
    }

    private static Path trainAlone(Product product, Path folder, Path file) throws IOException {
        String output = product.run(folder.resolve("alone.log"), "train", file.toString(), "--runs",
                folder.resolve("alone").toString());
        return Path.of(output.lines().filter(l -> l.startsWith("Run directory: ")).findFirst().orElseThrow()
                .substring("Run directory: ".length()).strip());
    }

    private static boolean trainingWithACheckpoint(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (var listed = Files.list(runs)) {
            return listed.anyMatch(run -> Files.exists(run.resolve("checkpoints/last.ckpt"))
                    && !Files.exists(run.resolve("summary.json")));
        }
    }

    /** Every step's training loss and every epoch's test loss, to {@link #TOLERANCE}. */
    private static void assertSameNumbers(Path alone, Path parallel, int steps) throws IOException {
        Map<String, Double> expected = metrics(alone);
        Map<String, Double> actual = metrics(parallel);
        assertEquals(expected.keySet(), actual.keySet(), "the same steps and metrics");
        assertTrue(expected.containsKey(steps + ",train_loss"), "trained " + steps + " steps");
        double worst = 0;
        for (Map.Entry<String, Double> entry : expected.entrySet()) {
            double difference = Math.abs(entry.getValue() - actual.get(entry.getKey())) / Math.abs(entry.getValue());
            worst = Math.max(worst, difference);
            assertTrue(difference <= TOLERANCE, entry.getKey() + ": " + entry.getValue() + " alone, "
                    + actual.get(entry.getKey()) + " on 2 workers");
        }
        System.out.printf("%d values compared, largest relative difference %.2g%n", expected.size(), worst);
    }

    private static Map<String, Double> metrics(Path run) throws IOException {
        Map<String, Double> values = new TreeMap<>();
        for (String line : Files.readAllLines(run.resolve("metrics.csv"))) {
            String[] fields = line.split(",");
            if (fields.length == 4 && (fields[2].equals("train_loss") || fields[2].equals("test_bce"))) {
                values.put(fields[0] + "," + fields[2], Double.parseDouble(fields[3]));
            }
        }
        return values;
    }
}
