package io.latentlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.engine.Checkpoint;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.parallel.RingAllReduce;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunDirectory;

/**
 * Data-parallel training: the ring sums exactly and admits only the job's processes, and two
 * processes, each on half of every batch, reproduce one process training on the whole batch.
 */
class DataParallelTrainingTest {

    private static final byte[] SECRET = "the job's secret, 32 characters!".getBytes(StandardCharsets.UTF_8);

    /** {@code processes} ring members in threads of this JVM, on 127.0.0.1. */
    private static List<RingAllReduce> ring(int processes, byte[] secret) throws Exception {
        List<ServerSocket> servers = new ArrayList<>();
        List<InetSocketAddress> peers = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
            servers.add(server);
            peers.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
        }
        return inParallel(processes, rank -> RingAllReduce.join(rank, peers, servers.get(rank), secret,
                Duration.ofSeconds(20)));
    }

    private interface RankTask<T> {
        T call(int rank) throws Exception;
    }

    private static <T> List<T> inParallel(int processes, RankTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int rank = 0; rank < processes; rank++) {
                int r = rank;
                futures.add(pool.submit((Callable<T>) () -> task.call(r)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void threeProcessesEndWithTheSameSumOfTheirArrays() throws Exception {
        List<RingAllReduce> ring = ring(3, SECRET);
        List<INDArray> arrays = new ArrayList<>();
        for (int rank = 0; rank < 3; rank++) {
            arrays.add(Nd4j.rand(DataType.FLOAT, 1001).subi(0.5).muli(rank + 1)); // 1001: chunks of unequal size
        }
        INDArray expected = arrays.get(0).castTo(DataType.DOUBLE).add(arrays.get(1).castTo(DataType.DOUBLE))
                .add(arrays.get(2).castTo(DataType.DOUBLE));
        List<INDArray> summed = inParallel(3, rank -> {
            INDArray mine = arrays.get(rank).dup();
            ring.get(rank).sum(mine, 7);
            return mine;
        });
        assertTrue(summed.get(0).castTo(DataType.DOUBLE).equalsWithEps(expected, 1e-5), "the sum of the three arrays");
        assertEquals(summed.get(0), summed.get(1), "every process ends with the same bits");
        assertEquals(summed.get(0), summed.get(2));
        // 2(N-1)/N of the array's bytes per process, plus the messages' headers
        assertEquals(2 * 2 * 24 + 2 * 2 * 1001 * 4 / 3.0, ring.get(0).bytesSent(), 8);
        for (RingAllReduce member : ring) {
            member.close();
        }
    }

    @Test
    void aStrangerWithoutTheSecretIsRefusedAndCannotInjectAGradient() throws Exception {
        ServerSocket server0 = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        ServerSocket server1 = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        List<InetSocketAddress> peers = List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), server0.getLocalPort()),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), server1.getLocalPort()));
        // a stranger is first at rank 1's door: it claims to be rank 0 with a guessed proof, then sends a "gradient"
        try (Socket stranger = new Socket(InetAddress.getLoopbackAddress(), server1.getLocalPort())) {
            DataOutputStream out = new DataOutputStream(stranger.getOutputStream());
            out.writeInt(0x4C4C5247);
            out.writeInt(0);
            out.write(new byte[32]);
            out.write(new byte[32]);
            out.writeInt(0x4C4C5247);
            out.writeLong(1);
            out.writeInt(0);
            out.writeInt(1);
            out.writeInt(2);
            out.writeFloat(1e6f);
            out.writeFloat(1e6f);
            out.flush();
            List<RingAllReduce> ring = inParallel(2, rank -> RingAllReduce.join(rank, peers, rank == 0 ? server0 : server1,
                    SECRET, Duration.ofSeconds(20)));
            DataInputStream in = new DataInputStream(stranger.getInputStream());
            assertEquals(0x4C4C5247, in.readInt(), "rank 1's challenge");
            in.readFully(new byte[32]);
            assertEquals(-1, in.read(), "then the stranger's connection was closed, without rank 1's proof");
            List<INDArray> summed = inParallel(2, rank -> {
                INDArray mine = Nd4j.createFromArray(1f + rank, 10f * (rank + 1), 0.5f, -2f);
                ring.get(rank).sum(mine, 1);
                return mine;
            });
            assertEquals(Nd4j.createFromArray(3f, 30f, 1f, -4f), summed.get(1), "the processes' sum, nothing injected");
            assertEquals(summed.get(0), summed.get(1));
            for (RingAllReduce member : ring) {
                member.close();
            }
        }
        // processes with different secrets never form a ring
        ServerSocket a = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        ServerSocket b = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        List<InetSocketAddress> pair = List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), a.getLocalPort()),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), b.getLocalPort()));
        ExecutionException refused = assertThrows(ExecutionException.class, () -> inParallel(2, rank -> RingAllReduce.join(
                rank, pair, rank == 0 ? a : b, rank == 0 ? SECRET : "another job's secret, 32 chars!!".getBytes(
                        StandardCharsets.UTF_8), Duration.ofSeconds(3))));
        assertTrue(refused.getCause() instanceof IOException, String.valueOf(refused.getCause()));
        a.close();
        b.close();
    }

    @Test
    void processesAtDifferentStepsStopInsteadOfSummingTheirGradients() throws Exception {
        List<RingAllReduce> ring = ring(2, SECRET);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> inParallel(2, rank -> {
            ring.get(rank).sum(Nd4j.ones(DataType.FLOAT, 10), 5 + rank);
            return null;
        }));
        assertTrue(failed.getCause().getMessage().contains("the processes disagree"), failed.getCause().getMessage());
        for (RingAllReduce member : ring) {
            member.close();
        }
    }

    /**
     * The identity: 2 processes, each training on half of every batch of 64 and summing gradients,
     * end with the parameters of one process training on the whole batches — after 50 steps of
     * Adam, equal to within float32 reassociation (1e-4 of the largest parameter; measured ~1e-6);
     * and so does a run whose first epoch trained on 2 processes and its second alone.
     */
    @Test
    void twoProcessesOnHalfBatchesReproduceOneProcessOnWholeBatches(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("identity.experiment.yaml");
        Files.writeString(file, Fixtures.SMALL.replace("train_limit: 512", "train_limit: 1600")
                .replace("epochs: 3", "epochs: 2"));
        CheckedExperiment checked = new ExperimentReader(Fixtures.REGISTRY).read(file);
        Path alone = folder.resolve("alone");
        new ExperimentRunner(Fixtures.REGISTRY).runAt(checked, alone, (line, end) -> { });

        Path together = folder.resolve("together");
        assertEquals(2 * 50, trainOnTwoProcesses(checked, together, folder.resolve("scratch")),
                "50 steps: one sum of gradients and one of metrics each");

        assertSameParameters(alone, together, "50");
        List<String> lossesAlone = Files.readAllLines(alone.resolve(RunDirectory.METRICS)).stream()
                .filter(l -> l.contains(",test_bce,")).toList();
        List<String> lossesTogether = Files.readAllLines(together.resolve(RunDirectory.METRICS)).stream()
                .filter(l -> l.contains(",test_bce,")).toList();
        assertEquals(2, lossesTogether.size(), "rank 0 writes the run: " + lossesTogether);
        double a = Double.parseDouble(lossesAlone.get(1).substring(lossesAlone.get(1).lastIndexOf(',') + 1));
        double b = Double.parseDouble(lossesTogether.get(1).substring(lossesTogether.get(1).lastIndexOf(',') + 1));
        assertEquals(a, b, 1e-5 * a, "the test loss after 2 epochs");
        assertTrue(Files.readString(together.resolve("run.log")).contains("data-parallel: 2 processes"));
        assertTrue(Files.readString(together.resolve("summary.json")).replace(" ", "").contains("\"processes\":2"));

        // the same global batch with another worker count: the first epoch on 2 processes, the second alone
        Path firstEpoch = folder.resolve("first-epoch.experiment.yaml");
        Files.writeString(firstEpoch, Files.readString(file).replace("epochs: 2", "epochs: 1"));
        CheckedExperiment shorter = new ExperimentReader(Fixtures.REGISTRY).read(firstEpoch);
        Path changed = folder.resolve("changed");
        trainOnTwoProcesses(shorter, changed, folder.resolve("scratch-2"));
        new ExperimentRunner(Fixtures.REGISTRY).resume(changed, checked, (line, end) -> { });
        assertSameParameters(alone, changed, "50");
    }

    /**
     * Rank 0 trains {@code run}, rank 1 follows it into {@code scratch}, summing over a ring on 127.0.0.1.
     *
     * @return the sums rank 0 made
     */
    private static long trainOnTwoProcesses(CheckedExperiment checked, Path run, Path scratch) throws Exception {
        List<RingAllReduce> ring = ring(2, SECRET);
        try {
            inParallel(2, rank -> {
                ExperimentRunner runner = new ExperimentRunner(Fixtures.REGISTRY);
                runner.dataParallel(ring.get(rank));
                if (rank == 0) {
                    runner.runAt(checked, run, (line, end) -> { });
                } else {
                    runner.follow(null, checked, scratch, (line, end) -> { });
                }
                return null;
            });
            return ring.get(0).sums();
        } finally {
            for (RingAllReduce member : ring) {
                member.close();
            }
        }
    }

    private static void assertSameParameters(Path alone, Path parallel, String steps) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, INDArray> single = Checkpoint.loadArrays(alone.resolve(RunDirectory.CHECKPOINT), properties);
        properties.clear();
        Map<String, INDArray> together = Checkpoint.loadArrays(parallel.resolve(RunDirectory.CHECKPOINT), properties);
        assertEquals(steps, properties.get("step"));
        int compared = 0;
        for (Map.Entry<String, INDArray> entry : single.entrySet()) {
            if (entry.getKey().endsWith("parameters")) {
                INDArray a = entry.getValue().castTo(DataType.DOUBLE);
                INDArray b = together.get(entry.getKey()).castTo(DataType.DOUBLE);
                double largest = a.amaxNumber().doubleValue();
                double difference = a.sub(b).amaxNumber().doubleValue();
                System.out.printf("%s: largest |parameter| %.4f, largest difference %.3g%n", entry.getKey(), largest,
                        difference);
                assertTrue(difference <= 1e-4 * largest, entry.getKey() + ": " + difference + " of " + largest);
                compared++;
            }
        }
        assertTrue(compared > 0, "the checkpoint's parameter arrays: " + single.keySet());
    }
}
