package io.latentlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep on a real standalone cluster (a Master and two Workers, separate JVMs on 127.0.0.1,
 * shared secret on), submitted in client mode: the same table as `latentlab sweep`.
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

        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        try (LocalCluster cluster = new LocalCluster(Files.createDirectories(folder.resolve("cluster")), secret)) {
            cluster.addWorker();
            cluster.addWorker();
            SparkConf conf = new SparkConf().setMaster(cluster.url()).setAppName("latentlab standalone test")
                    .set("spark.authenticate", "true").set("spark.authenticate.secret", secret)
                    .set("spark.jars", System.getProperty("latentlab.spark.jar"))
                    .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.ui.enabled", "false").set("spark.executor.memory", "512m")
                    .set("spark.executor.extraJavaOptions", System.getProperty("latentlab.spark.jvmOptions", ""))
                    .set("spark.task.maxFailures", "4");
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
}
