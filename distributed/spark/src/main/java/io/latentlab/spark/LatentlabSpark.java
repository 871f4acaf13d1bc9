package io.latentlab.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code spark-submit --class io.latentlab.spark.LatentlabSpark latentlab-spark.jar sweep FILE
 * --product DIR/latentlab --runs DIR [--threads 1]} (or {@code race FILE --optimizers a,b,c ...}):
 * the trials of an experiment's sweep (the entrants of its race) as Spark tasks, one per task, each
 * trained by the installed product on its worker into the shared runs folder; then the sweep's table
 * (the race's metrics), as {@code latentlab sweep} ({@code latentlab race}) writes it.
 */
public final class LatentlabSpark {

    private static final String USAGE = "usage: spark-submit ... latentlab-spark.jar sweep FILE --product PATH/latentlab"
            + " --runs SHARED_DIR [--threads 1]\n   or: spark-submit ... latentlab-spark.jar race FILE --optimizers a,b,c"
            + " --product PATH/latentlab --runs SHARED_DIR [--threads 1]\n   or: spark-submit ... latentlab-spark.jar train FILE"
            + " --workers N --product PATH/latentlab --runs SHARED_DIR [--threads 1]  (one model, N tasks, data-parallel)";

    private LatentlabSpark() {
    }

    /**
     * @param arguments {@code sweep FILE --product PATH --runs DIR [--threads N]} or {@code race FILE
     *        --optimizers a,b --product PATH --runs DIR [--threads N]}
     * @throws IOException if the product cannot list the trials or a trial fails for good
     */
    public static void main(String[] arguments) throws IOException {
        if (arguments.length < 2 || !List.of("sweep", "race", "train").contains(arguments[0])) {
            exit(USAGE);
        }
        Path file = Path.of(arguments[1]).toAbsolutePath();
        Path launcher = null;
        Path runs = null;
        String optimizers = null;
        int threads = 1;
        int workers = 0;
        for (int i = 2; i + 1 < arguments.length; i += 2) {
            switch (arguments[i]) {
                case "--product" -> launcher = Path.of(arguments[i + 1]).toAbsolutePath();
                case "--runs" -> runs = Path.of(arguments[i + 1]).toAbsolutePath();
                case "--threads" -> threads = Integer.parseInt(arguments[i + 1]);
                case "--optimizers" -> optimizers = arguments[i + 1];
                case "--workers" -> workers = Integer.parseInt(arguments[i + 1]);
                default -> exit("unknown option " + arguments[i] + "; " + USAGE);
            }
        }
        boolean race = arguments[0].equals("race");
        boolean train = arguments[0].equals("train");
        if (launcher == null || runs == null || arguments.length % 2 != 0 || race != (optimizers != null)
                || train != (workers > 0)) {
            exit(USAGE);
        }
        SparkConf conf = new SparkConf().setAppName("latentlab " + arguments[0] + " " + file.getFileName())
                .setIfMissing("spark.task.cpus", Integer.toString(threads))
                // a lost executor's trial starts again elsewhere and resumes from its checkpoint
                .setIfMissing("spark.task.maxFailures", "4")
                // a data-parallel stage waits for all its slots: look again every 2 s, not Spark's 15 s
                .setIfMissing("spark.scheduler.barrier.maxConcurrentTasksCheck.interval", "2s");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            Product product = new Product(launcher.toString(), threads);
            if (train) {
                DataParallelTraining.Trained trained = DataParallelTraining.train(spark, product, file, workers, runs);
                trained.ranks().forEach(System.out::println);
                System.out.println("Run directory: " + trained.run());
                return;
            }
            Path table = race ? race(spark, product, file, optimizers, runs) : sweep(spark, product, file, runs);
            System.out.print(Files.readString(table));
            System.out.println("Wrote " + table);
        }
    }

    private static void exit(String message) {
        System.err.println(message);
        System.exit(2);
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
        String folder = train(spark, product, file, runs, List.of("sweep"), "--trial");
        // every trial is done (or stopped early): the product's own sweep trains nothing more and writes the table
        product.run(Files.createTempFile("latentlab-sweep", ".log"), "sweep", file.toString(), "--runs", runs.toString(),
                "--workers", "1");
        return runs.resolve(folder).resolve("sweep.csv");
    }

    /**
     * Trains an optimizer race's entrants as Spark tasks and writes its metrics side by side.
     *
     * @param spark the application's context
     * @param product the installed product (same path on the driver and every worker)
     * @param file the experiment file (read on the driver; its text travels with the tasks)
     * @param optimizers the entrants' optimizer ids, comma-separated
     * @param runs the runs folder every worker sees
     * @return the race's metrics, {@code RUNS/race-NAME.csv}
     * @throws IOException if the product cannot list the entrants or write the table, or an entrant fails
     */
    public static Path race(JavaSparkContext spark, Product product, Path file, String optimizers, Path runs)
            throws IOException {
        String folder = train(spark, product, file, runs, List.of("race", "--optimizers", optimizers), "--entrant");
        // every entrant is done: the product's own race trains nothing more and writes the metrics
        product.run(Files.createTempFile("latentlab-race", ".log"), "race", file.toString(), "--optimizers", optimizers,
                "--runs", runs.toString());
        return runs.resolve(folder + ".csv");
    }

    /**
     * One Spark task per member of a study (a sweep's trial, a race's entrant), as the product lists them.
     *
     * @param command the product's command with its options but the file: {@code sweep} or {@code race
     *        --optimizers a,b}
     * @param memberOption the command's option that trains one member alone
     * @return the study's folder in {@code runs}
     */
    private static String train(JavaSparkContext spark, Product product, Path file, Path runs, List<String> command,
            String memberOption) throws IOException {
        Files.createDirectories(runs);
        List<String> listing = new ArrayList<>(List.of("trials", file.toString()));
        listing.addAll(command.subList(1, command.size()));
        // the members as the product expands them (the JSON array is its output, after any banner line)
        JsonNode listed = new ObjectMapper().readTree(product.run(Files.createTempFile("latentlab-trials", ".log"),
                listing.toArray(String[]::new)).replaceFirst("(?s)^[^\\[]*", ""));
        List<String> names = new ArrayList<>();
        listed.forEach(trial -> names.add(trial.get("name").asText()));
        String folder = listed.isEmpty() ? "" : listed.get(0).get("folder").asText();
        String fileName = file.getFileName().toString();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String runsFolder = runs.toString();
        spark.parallelize(names, Math.max(1, names.size())).foreach(name -> MemberTask.train(product, fileName, text,
                Path.of(runsFolder), command, memberOption, name));
        return folder;
    }

    /** One study member on a worker. */
    static final class MemberTask {

        private MemberTask() {
        }

        /**
         * Trains one member with the product, resuming it if an earlier attempt left a checkpoint and
         * skipping it if it is done.
         */
        static void train(Product product, String fileName, String text, Path runs, List<String> command,
                String memberOption, String member) {
            try {
                Path work = Files.createTempDirectory("latentlab-trial");
                try {
                    Path file = work.resolve(fileName); // the same name: the same study folder
                    Files.writeString(file, text, StandardCharsets.UTF_8);
                    List<String> arguments = new ArrayList<>(List.of(command.get(0), file.toString()));
                    arguments.addAll(command.subList(1, command.size()));
                    arguments.addAll(List.of(memberOption, member, "--runs", runs.toString()));
                    product.run(work.resolve("trial.log"), arguments.toArray(String[]::new));
                } finally {
                    deleteTree(work);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(command.get(0) + " member " + member + " failed: " + e.getMessage(), e);
            }
        }

        /** The task's scratch folder goes with the task: a worker runs many. */
        static void deleteTree(Path folder) throws IOException {
            try (var paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
