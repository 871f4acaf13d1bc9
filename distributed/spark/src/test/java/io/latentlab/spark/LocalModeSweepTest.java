package io.latentlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On Spark's local[2], a 4-trial grid sweep gives the table {@code latentlab sweep} gives and an
 * optimizer race the metrics {@code latentlab race} gives, value for value.
 */
class LocalModeSweepTest {

    static final String SWEEP = """
            name: spark-grid
            seed: 5
            dataset: {id: mnist, train_limit: 256, test_limit: 128}
            model:
              id: autoencoder
              encoder:
                - dense: {units: 16, activation: relu}
              decoder:
                - dense: {units: 784, activation: sigmoid}
            optimizer: {id: adam, learning_rate: 0.003}
            training: {epochs: 1, batch_size: 64}
            sweep:
              method: grid
              parameters:
                optimizer.learning_rate: [0.001, 0.01]
                model.encoder[0].dense.units: [8, 16]
            """;

    static Product product() {
        Path launcher = Path.of(System.getProperty("latentlab.product", "")).toAbsolutePath();
        assertTrue(Files.isExecutable(launcher), "build the product first (./mvnw verify): no " + launcher);
        return new Product(launcher.toString(), 1);
    }

    @Test
    void aGridSweepOnLocal2EqualsTheLocalSweep(@TempDir Path folder) throws Exception {
        Product product = product();
        Path file = folder.resolve("grid.experiment.yaml");
        Files.writeString(file, SWEEP);
        long started = System.nanoTime();
        product.run(folder.resolve("local.log"), "sweep", file.toString(), "--runs", folder.resolve("local").toString(),
                "--workers", "2");
        List<String> local = Files.readAllLines(folder.resolve("local/sweep-grid/sweep.csv"));
        long localDone = System.nanoTime();

        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("latentlab local-mode test")
                .set("spark.ui.enabled", "false");
        Path table;
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            table = LatentlabSpark.sweep(spark, product, file, folder.resolve("spark"));
        }
        System.out.printf("4 trials: latentlab sweep --workers 2 %.1f s, Spark local[2] %.1f s (one product JVM per trial)%n",
                (localDone - started) / 1e9, (System.nanoTime() - localDone) / 1e9);
        assertEquals(folder.resolve("spark/sweep-grid/sweep.csv"), table);
        List<String> distributed = Files.readAllLines(table);
        assertEquals(5, local.size(), "a header and four trials: " + local);
        assertEquals(local, distributed, "the same trials, statuses and values to the last digit");
        assertTrue(local.get(1).contains(",completed,test_bce,"), local.get(1));
    }

    @Test
    void aRaceOnLocal2EqualsTheLocalRace(@TempDir Path folder) throws Exception {
        Product product = product();
        Path file = folder.resolve("duel.experiment.yaml");
        Files.writeString(file, SWEEP.substring(0, SWEEP.indexOf("sweep:")));
        product.run(folder.resolve("local.log"), "race", file.toString(), "--optimizers", "sgd,adam", "--runs",
                folder.resolve("local").toString());
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("latentlab local-mode race test")
                .set("spark.ui.enabled", "false");
        Path table;
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            table = LatentlabSpark.race(spark, product, file, "sgd,adam", folder.resolve("spark"));
        }
        assertEquals(folder.resolve("spark/race-duel.csv"), table);
        List<String> local = withoutStamps(folder.resolve("local/race-duel.csv"));
        assertTrue(local.size() > 10 && local.stream().anyMatch(l -> l.startsWith("spark-grid-adam,")), local.toString());
        assertEquals(local, withoutStamps(table), "the same entrants' metrics to the last digit");
        try (var entrants = Files.list(folder.resolve("spark/race-duel"))) {
            assertEquals(2, entrants.count(), "one run per entrant");
        }
    }

    /** A race's metrics with its runs named without their start time (which differs between two races). */
    private static List<String> withoutStamps(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(line -> line.replaceFirst("^\\d{8}-\\d{6}-", "")).toList();
    }
}
