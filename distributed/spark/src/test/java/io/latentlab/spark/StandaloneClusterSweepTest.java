package io.latentlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep on a real standalone cluster (a Master and two Workers, separate JVMs on 127.0.0.1,
 * shared secret on), submitted in client mode: the same table as `latentlab sweep`, also when a
 * Worker is lost mid-sweep.
 */
class StandaloneClusterSweepTest {

    @Test
    void aSweepOnAMasterAndTwoWorkersEqualsTheLocalSweep(@TempDir Path folder) throws Exception {
        Product product = LocalModeSweepTest.product();
        Path file = folder.resolve("grid.experiment.yaml");
        Files.writeString(file, LocalModeSweepTest.SWEEP);
        product.run(folder.resolve("local.log"), "sweep", file.toString(), "--runs", folder.resolve("local").toString(),
                "--workers", "2");
        List<String> local = Files.readAllLines(folder.resolve("local/sweep-grid/sweep.csv"));

        String secret = secret();
        try (LocalCluster cluster = new LocalCluster(Files.createDirectories(folder.resolve("cluster")), secret)) {
            cluster.addWorker();
            cluster.addWorker();
            SparkConf conf = conf(cluster, secret);
            Path table;
            long started = System.nanoTime();
            try (JavaSparkContext spark = new JavaSparkContext(conf)) {
                table = LatentlabSpark.sweep(spark, product, file, folder.resolve("spark"));
            }
            System.out.printf("4 trials on a standalone Master and 2 Workers of 1 core: %.1f s%n",
                    (System.nanoTime() - started) / 1e9);
            assertEquals(local, Files.readAllLines(table), "the same trials, statuses and values to the last digit");
        }
    }

    /**
     * A Worker and its executor die while trials train: their trials start again on the other Worker,
     * resuming from their checkpoints; every trial completes once, with the numbers of the local sweep.
     */
    @Test
    void trialsOfALostWorkerResumeElsewhereAndCompleteOnce(@TempDir Path folder) throws Exception {
        Product product = LocalModeSweepTest.product();
        Path file = folder.resolve("grid.experiment.yaml");
        Files.writeString(file, LocalModeSweepTest.SWEEP.replace("train_limit: 256", "train_limit: 2048")
                .replace("epochs: 1", "epochs: 6"));
        product.run(folder.resolve("local.log"), "sweep", file.toString(), "--runs", folder.resolve("local").toString(),
                "--workers", "2");
        List<String> local = Files.readAllLines(folder.resolve("local/sweep-grid/sweep.csv"));

        String secret = secret();
        try (LocalCluster cluster = new LocalCluster(Files.createDirectories(folder.resolve("cluster")), secret)) {
            Process doomed = cluster.addWorker();
            cluster.addWorker();
            Path shared = folder.resolve("spark");
            CompletableFuture<Path> sweep = CompletableFuture.supplyAsync(() -> {
                try (JavaSparkContext spark = new JavaSparkContext(conf(cluster, secret))) {
                    return LatentlabSpark.sweep(spark, product, file, shared);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            // as soon as a trial has a checkpoint and is still training: the Worker and its executors go
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!trainingWithACheckpoint(shared.resolve("sweep-grid"))) {
                assertTrue(System.nanoTime() < deadline && !sweep.isDone(), "no trial was caught training");
                Thread.sleep(100);
            }
            doomed.children().forEach(ProcessHandle::destroyForcibly);
            doomed.destroyForcibly();
            Path table = sweep.get(10, TimeUnit.MINUTES);
            assertEquals(local, Files.readAllLines(table), "every trial completed, with the numbers of a local sweep");
            List<Path> runs;
            try (Stream<Path> listed = Files.list(shared.resolve("sweep-grid"))) {
                runs = listed.filter(Files::isDirectory).toList();
            }
            assertEquals(4, runs.size(), "one run per trial, none duplicated");
            long resumed = 0;
            for (Path run : runs) {
                resumed += Files.readString(run.resolve("run.log")).contains("resumed at step ") ? 1 : 0;
            }
            assertTrue(resumed >= 1, "the lost trial went on from its checkpoint");
        }
    }

    private static boolean trainingWithACheckpoint(Path sweep) throws IOException {
        if (!Files.isDirectory(sweep)) {
            return false;
        }
        try (Stream<Path> runs = Files.list(sweep)) {
            return runs.anyMatch(run -> Files.exists(run.resolve("checkpoints/last.ckpt"))
                    && !Files.exists(run.resolve("summary.json")));
        }
    }

    static String secret() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Client mode against the cluster, its secret, this module's jar for the executors. */
    static SparkConf conf(LocalCluster cluster, String secret) {
        return new SparkConf().setMaster(cluster.url()).setAppName("latentlab standalone test")
                .set("spark.authenticate", "true").set("spark.authenticate.secret", secret)
                .set("spark.jars", System.getProperty("latentlab.spark.jar"))
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false").set("spark.executor.memory", "512m")
                .set("spark.executor.extraJavaOptions", System.getProperty("latentlab.spark.jvmOptions", ""))
                .set("spark.task.maxFailures", "4").set("spark.scheduler.barrier.maxConcurrentTasksCheck.interval", "1s");
    }
}
