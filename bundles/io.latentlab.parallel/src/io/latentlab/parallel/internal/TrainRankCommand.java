package io.latentlab.parallel.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.factory.Nd4j;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.latentlab.cli.Command;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.engine.Checkpoint;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentProblem;
import io.latentlab.experiments.InvalidExperimentException;
import io.latentlab.parallel.Rendezvous;
import io.latentlab.parallel.RingAllReduce;
import io.latentlab.runs.RunCommands;
import io.latentlab.runs.RunDirectory;
import io.latentlab.runs.RunInfo;
import io.latentlab.studies.Sweep;

/**
 * {@code latentlab train-rank FILE --rank R --ranks N --run DIR --rendezvous DIR}: one process of a
 * data-parallel run, as a cluster task starts it. Rank 0 trains the run directory (new, or resumed
 * from its checkpoint); the others follow the same checkpoint into scratch folders; every step the
 * gradients are summed over the ring, which only holders of {@code LATENTLAB_RING_SECRET} join.
 */
@Component(service = Command.class)
public final class TrainRankCommand implements Command {

    /** The job's shared secret (an environment variable: command lines are visible to every user). */
    public static final String SECRET = "LATENTLAB_RING_SECRET";
    /** Seconds a process waits for a message before the step fails (the lost process's rank named). */
    public static final String TIMEOUT = "LATENTLAB_RING_TIMEOUT";

    @Reference
    private ContributionRegistry registry;

    @Override
    public String name() {
        return "train-rank";
    }

    @Override
    public String summary() {
        return "train-rank FILE --rank R --ranks N --run DIR --rendezvous DIR [--host ADDRESS]: one process of a"
                + " data-parallel run (for cluster drivers; secret in " + SECRET + ")";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i + 1 < arguments.size(); i += 2) {
            options.put(arguments.get(i), arguments.get(i + 1));
        }
        int rank;
        int processes;
        try {
            rank = Integer.parseInt(options.getOrDefault("--rank", "-1"));
            processes = Integer.parseInt(options.getOrDefault("--ranks", "0"));
        } catch (NumberFormatException e) {
            rank = -1;
            processes = 0;
        }
        String secret = System.getenv(SECRET);
        if (arguments.size() % 2 == 0 || rank < 0 || rank >= processes || !options.containsKey("--run")
                || !options.containsKey("--rendezvous")
                || !List.of("--rank", "--ranks", "--run", "--rendezvous", "--host").containsAll(options.keySet())) {
            err.println("usage: latentlab " + summary());
            return RunCommands.INVALID;
        }
        if (processes > 1 && (secret == null || secret.length() < 16)) {
            err.println("latentlab train-rank: set " + SECRET + " to the job's secret (16 characters or more), the same in"
                    + " every process: the ring accepts no one without it");
            return RunCommands.INVALID;
        }
        Path file = Path.of(arguments.get(0));
        Path directory = Path.of(options.get("--run")).toAbsolutePath();
        Path rendezvous = Path.of(options.get("--rendezvous"));
        String host = options.get("--host");
        int me = rank;
        int ranks = processes;
        Duration timeout = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault(TIMEOUT, "300")));
        return RunCommands.runWithProgress(registry, out, err, (runner, progress) -> {
            CheckedExperiment checked = RunCommands.read(registry, file); // a bad file fails before anyone waits
            if (checked.experiment().isSeedGroup() || Sweep.isSweep(checked)) {
                throw new InvalidExperimentException(List.of(new ExperimentProblem(file.toString(), 1, 1,
                        checked.experiment().isSeedGroup() ? "seeds" : "sweep", "train-rank trains one run: submit a sweep"
                        + " or a seed group with latentlab-spark.jar sweep (its trials in parallel), or remove the block")));
            }
            Path checkpoint = directory.resolve(RunDirectory.CHECKPOINT);
            boolean started = Files.isRegularFile(checkpoint);
            if (started && "completed".equals(RunInfo.of(directory).status())) {
                out.println("Run directory: " + directory + " (completed)");
                return;
            }
            InetAddress address = host == null ? InetAddress.getLocalHost() : InetAddress.getByName(host);
            try (ServerSocket server = new ServerSocket(0, 8, address)) {
                Rendezvous.publish(rendezvous, me, new InetSocketAddress(address.getHostAddress(), server.getLocalPort()));
                List<InetSocketAddress> peers = Rendezvous.await(rendezvous, ranks, Duration.ofSeconds(120));
                byte[] key = ranks == 1 ? new byte[1] : secret.getBytes(StandardCharsets.UTF_8);
                try (RingAllReduce ring = RingAllReduce.join(me, peers, server, key, timeout)) {
                    // a stopped parent (lost executor) must not leave the others waiting for a timeout
                    runner.whenCancelled(() -> closeQuietly(ring));
                    long from = started ? startStep(checkpoint) : 0;
                    requireSameStart(ring, from);
                    runner.dataParallel(ring);
                    out.println("Rank " + me + " of " + ranks + (from > 0 ? ", resuming at step " + from : ""));
                    if (me == 0) {
                        if (started) {
                            runner.resume(directory, checked, progress);
                        } else {
                            Files.createDirectories(directory.getParent());
                            runner.runAt(checked, directory, progress);
                        }
                        out.println("Run directory: " + directory + " (" + RunInfo.of(directory).status() + ")");
                    } else {
                        Path scratch = Files.createTempDirectory("latentlab-rank-" + me);
                        try {
                            runner.follow(started ? checkpoint : null, checked, scratch, progress);
                        } finally {
                            deleteTree(scratch);
                        }
                    }
                    out.printf("Gradient sums: %d, %.1f s, %.1f MB sent%n", ring.sums(), ring.nanos() / 1e9,
                            ring.bytesSent() / 1e6);
                }
            }
        });
    }

    private static long startStep(Path checkpoint) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        Checkpoint.loadArrays(checkpoint, properties);
        return Long.parseLong(properties.get("step"));
    }

    /** Every process must start from the same step: a restarted job must not mix two checkpoints. */
    private static void requireSameStart(RingAllReduce ring, long step) throws IOException {
        var steps = Nd4j.createFromArray(new double[] {step, step * (double) step});
        ring.sum(steps, -1);
        int n = ring.processes();
        if (steps.getDouble(0) != n * (double) step || steps.getDouble(1) != n * (double) step * step) {
            throw new IOException("the " + n + " processes do not start from the same checkpoint (rank " + ring.rank()
                    + " starts at step " + step + "); start the job again");
        }
    }

    private static void closeQuietly(RingAllReduce ring) {
        try {
            ring.close();
        } catch (IOException e) {
            // closing is all that was wanted
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
