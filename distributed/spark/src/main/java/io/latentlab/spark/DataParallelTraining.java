package io.latentlab.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.spark.BarrierTaskContext;
import org.apache.spark.api.java.JavaSparkContext;

import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

/**
 * One model trained by N Spark tasks together: a barrier stage (all N tasks scheduled at once, or
 * none), each task running the installed product's {@code latentlab train-rank} on its shard of
 * every batch. The tasks exchange the ranks' listening addresses through the barrier context
 * ({@code allGather}); the job's secret, drawn on the driver, reaches them with the task (Spark's
 * authenticated channel) and the products by their environment. A lost task fails the stage;
 * Spark runs it again and every rank starts from the run's last checkpoint.
 */
public final class DataParallelTraining {

    private DataParallelTraining() {
    }

    /**
     * @param spark the application's context
     * @param product the installed product (same path on the driver and every worker)
     * @param file the experiment file (read on the driver; its text travels with the tasks)
     * @param workers the processes (tasks) training together
     * @param runs the runs folder every worker sees
     * @return the run directory rank 0 trained, {@code RUNS/<time>-<file name>}, and each rank's last lines
     * @throws IOException if a rank fails for good
     */
    public static Trained train(JavaSparkContext spark, Product product, Path file, int workers, Path runs)
            throws IOException {
        Files.createDirectories(runs);
        String name = file.getFileName().toString().replace(".experiment.yaml", "");
        // chosen once: a stage Spark runs again finds the run and resumes it
        Path run = runs.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + name)
                .toAbsolutePath();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Rank task = new Rank(product, file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8),
                run.toString(), workers, HexFormat.of().formatHex(random));
        List<Integer> ranks = java.util.stream.IntStream.range(0, workers).boxed().toList();
        List<String> outcomes = spark.parallelize(ranks, workers).rdd().barrier()
                .mapPartitions(task, false, ClassTag$.MODULE$.apply(String.class)).toJavaRDD()
                // a shuffle after the barrier stage: Spark runs a failed barrier stage again only when its
                // output is shuffled (a failed barrier result stage ends the job)
                .repartition(1).collect();
        return new Trained(run, outcomes);
    }

    /**
     * @param run the run directory rank 0 trained
     * @param ranks what each rank reported: its run directory (rank 0), its gradient sums' count, time and bytes
     */
    public record Trained(Path run, List<String> ranks) {
    }

    /** One rank on a worker: the product's train-rank, its address shared through the barrier. */
    private static final class Rank extends AbstractFunction1<Iterator<Integer>, Iterator<String>> implements Serializable {

        private static final long serialVersionUID = 1L;
        private final Product product;
        private final String fileName;
        private final String text;
        private final String run;
        private final int workers;
        private final String secret;

        Rank(Product product, String fileName, String text, String run, int workers, String secret) {
            this.product = product;
            this.fileName = fileName;
            this.text = text;
            this.run = run;
            this.workers = workers;
            this.secret = secret;
        }

        @Override
        public Iterator<String> apply(Iterator<Integer> ranks) {
            return CollectionConverters.asScala(List.of(train(BarrierTaskContext.get().partitionId())).iterator());
        }

        private String train(int rank) {
            BarrierTaskContext context = BarrierTaskContext.get();
            try {
                Path work = Files.createTempDirectory("latentlab-rank");
                Path file = work.resolve(fileName);
                Files.writeString(file, text, StandardCharsets.UTF_8);
                Path rendezvous = Files.createDirectories(work.resolve("rendezvous"));
                String host = context.getTaskInfos()[rank].address().replaceFirst(":\\d+$", "");
                String[] arguments = {"train-rank", file.toString(), "--rank", Integer.toString(rank), "--ranks",
                        Integer.toString(workers), "--run", run, "--rendezvous", rendezvous.toString(), "--host", host};
                Path log = work.resolve("rank.log");
                Process process = product.start(log, Map.of("LATENTLAB_RING_SECRET", secret), arguments);
                try {
                    Path published = rendezvous.resolve("address-" + rank);
                    while (!Files.isRegularFile(published)) {
                        if (!process.isAlive()) {
                            product.finish(process, log, arguments); // throws with the product's message
                            throw new IOException("rank " + rank + " ended before it listened");
                        }
                        Thread.sleep(50);
                    }
                    String[] addresses = context.allGather(Files.readString(published, StandardCharsets.UTF_8).strip());
                    Path peers = rendezvous.resolve(".peers.tmp");
                    Files.writeString(peers, String.join("\n", addresses) + "\n", StandardCharsets.UTF_8);
                    Files.move(peers, rendezvous.resolve("peers"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    String output = product.finish(process, log, arguments);
                    return "rank " + rank + ": " + output.lines().filter(l -> l.startsWith("Run directory")
                            || l.startsWith("Gradient sums")).reduce((a, b) -> a + "; " + b).orElse("done");
                } finally {
                    process.destroy(); // a failed or killed task: the product stops (its ring closes)
                    LatentlabSpark.MemberTask.deleteTree(work); // the rank's scratch goes with it: a worker runs many
                }
            } catch (IOException e) {
                throw new UncheckedIOException("rank " + rank + " of " + run + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("rank " + rank + " was stopped", e);
            }
        }
    }
}
