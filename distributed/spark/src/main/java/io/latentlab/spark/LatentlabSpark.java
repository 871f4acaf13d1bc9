package io.latentlab.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code spark-submit --class io.latentlab.spark.LatentlabSpark latentlab-spark.jar sweep FILE
 * --product DIR/latentlab --runs DIR [--threads 1]}: the trials of an experiment's sweep as Spark
 * tasks, one trial per task, each trained by the installed product on its worker into the shared
 * runs folder; then the sweep's table, as {@code latentlab sweep} writes it.
 */
public final class LatentlabSpark {

    private static final String USAGE = "usage: spark-submit ... latentlab-spark.jar sweep FILE --product PATH/latentlab"
            + " --runs SHARED_DIR [--threads 1]";

    private LatentlabSpark() {
    }

    /**
     * @param arguments {@code sweep FILE --product PATH --runs DIR [--threads N]}
     * @throws IOException if the product cannot list the trials or a trial fails for good
     */
    public static void main(String[] arguments) throws IOException {
        if (arguments.length < 2 || !"sweep".equals(arguments[0])) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path file = Path.of(arguments[1]).toAbsolutePath();
        Path launcher = null;
        Path runs = null;
        int threads = 1;
        for (int i = 2; i + 1 < arguments.length; i += 2) {
            switch (arguments[i]) {
                case "--product" -> launcher = Path.of(arguments[i + 1]).toAbsolutePath();
                case "--runs" -> runs = Path.of(arguments[i + 1]).toAbsolutePath();
                case "--threads" -> threads = Integer.parseInt(arguments[i + 1]);
                default -> {
                    System.err.println("unknown option " + arguments[i] + "; " + USAGE);
                    System.exit(2);
                }
            }
        }
        if (launcher == null || runs == null || arguments.length % 2 != 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        SparkConf conf = new SparkConf().setAppName("latentlab sweep " + file.getFileName())
                .setIfMissing("spark.task.cpus", Integer.toString(threads))
                // a lost executor's trial starts again elsewhere and resumes from its checkpoint
                .setIfMissing("spark.task.maxFailures", "4");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            Path table = sweep(spark, new Product(launcher.toString(), threads), file, runs);
            System.out.print(Files.readString(table));
            System.out.println("Wrote " + table);
        }
    }

    /**
     * Trains a sweep's trials as Spark tasks and writes its table.
     *
     * @param spark the application's context
     * @param product the installed product (same path on the driver and every worker)
     * @param file the experiment file with a sweep (read on the driver; its text travels with the tasks)
     * @param runs the runs folder every worker sees
     * @return the sweep's table, {@code RUNS/sweep-NAME/sweep.csv}
     * @throws IOException if the product cannot list the trials or write the table, or a trial fails
     */
    public static Path sweep(JavaSparkContext spark, Product product, Path file, Path runs) throws IOException {
        Files.createDirectories(runs);
        Path logs = Files.createTempDirectory("latentlab-spark");
        // the trials as the product expands them (the JSON array is its output, after any banner line)
        JsonNode listed = new ObjectMapper().readTree(product.run(logs.resolve("trials.log"), "trials", file.toString())
                .replaceFirst("(?s)^[^\\[]*", ""));
        List<String> names = new ArrayList<>();
        listed.forEach(trial -> names.add(trial.get("name").asText()));
        String folder = listed.isEmpty() ? "" : listed.get(0).get("folder").asText();
        String fileName = file.getFileName().toString();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String runsFolder = runs.toString();
        spark.parallelize(names, Math.max(1, names.size()))
                .foreach(name -> TrialTask.train(product, fileName, text, Path.of(runsFolder), name));
        // every trial is done (or stopped early): the product's own sweep trains nothing more and writes the table
        product.run(logs.resolve("table.log"), "sweep", file.toString(), "--runs", runs.toString(), "--workers", "1");
        return runs.resolve(folder).resolve("sweep.csv");
    }

    /** One trial on a worker. */
    static final class TrialTask {

        private TrialTask() {
        }

        /**
         * Trains one trial with the product, resuming it if an earlier attempt left a checkpoint and
         * skipping it if it is done.
         */
        static void train(Product product, String fileName, String text, Path runs, String trial) {
            try {
                Path work = Files.createTempDirectory("latentlab-trial");
                Path file = work.resolve(fileName); // the same name: the same sweep folder
                Files.writeString(file, text, StandardCharsets.UTF_8);
                product.run(work.resolve("trial.log"), "sweep", file.toString(), "--trial", trial, "--runs", runs.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("trial " + trial + " failed: " + e.getMessage(), e);
            }
        }
    }
}
