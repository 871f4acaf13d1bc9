package io.latentlab.runs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.runs.RunDirectory;
import io.latentlab.runs.RunFolders;
import io.latentlab.runs.RunInfo;
import io.latentlab.runs.RunLock;

/**
 * One writer per run: a second writer is refused with the holder named, in this process and from
 * another; a run whose holder was killed shows as crashed and can be taken again.
 */
class RunLockTest {

    /** A second JVM that locks a run's lock file as RunLock does, says so, and waits to be killed. */
    private static final String HOLDER = """
            import java.nio.channels.FileChannel;
            import java.nio.file.*;
            public class Holder {
                public static void main(String[] args) throws Exception {
                    FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    if (channel.tryLock() == null) { System.out.println("busy"); return; }
                    channel.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " on test\\n").getBytes()));
                    System.out.println("locked");
                    System.out.flush();
                    Thread.sleep(600_000);
                }
            }
            """;

    private static Path run(Path runs, String status) throws IOException {
        Path run = runs.resolve("20261207-120000-ae");
        Files.createDirectories(run.resolve("checkpoints"));
        Files.writeString(run.resolve(RunDirectory.SNAPSHOT), "name: ae\n");
        Files.writeString(run.resolve(RunDirectory.STATUS), status + "\nstarted at step 0\n");
        return run;
    }

    @Test
    void aSecondWriterInThisProcessIsRefused(@TempDir Path runs) throws IOException {
        Path run = run(runs, "stopped");
        try (RunDirectory first = RunDirectory.open(run)) {
            RunLock.LockedException e = assertThrows(RunLock.LockedException.class, () -> RunDirectory.open(run));
            assertTrue(e.getMessage().contains("is being trained by this process (pid " + ProcessHandle.current().pid()),
                    e.getMessage());
            assertTrue(RunLock.isHeld(run));
            IOException delete = assertThrows(IOException.class, () -> RunFolders.delete(run));
            assertTrue(delete.getMessage().startsWith("cannot delete 20261207-120000-ae: it is being trained by pid "),
                    delete.getMessage());
        }
        assertFalse(RunLock.isHeld(run));
        assertFalse(Files.exists(run.resolve(RunLock.FILE)), "the lock file goes with the writer");
        try (RunDirectory again = RunDirectory.open(run)) {
            assertTrue(RunLock.isHeld(run));
        }
    }

    @Test
    void anotherProcessHoldingTheRunIsNamedAndItsDeathIsSeenAsACrash(@TempDir Path runs, @TempDir Path source)
            throws Exception {
        Path run = run(runs, "running");
        Path holder = source.resolve("Holder.java");
        Files.writeString(holder, HOLDER);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, holder.toString(), run.resolve(RunLock.FILE).toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", output.readLine(), "the holder process took the lock");
            assertTrue(RunLock.isHeld(run));
            assertEquals("running", RunInfo.of(run).status());
            RunLock.LockedException e = assertThrows(RunLock.LockedException.class, () -> RunDirectory.open(run));
            assertTrue(e.getMessage().contains("is being trained by pid " + process.pid() + " on test"), e.getMessage());
        } finally {
            process.destroyForcibly(); // SIGKILL: no chance to clean up, as after a crash
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the holder exits when killed");
        }
        assertFalse(RunLock.isHeld(run));
        assertEquals("crashed", RunInfo.of(run).status(), "status says running, but nobody holds the run");
        try (RunDirectory resumed = RunDirectory.open(run)) {
            assertTrue(RunLock.isHeld(run));
        }
    }

    @Test
    void resumeCutsMetricsBackToTheCheckpointAndDropsTornAndMergedLines(@TempDir Path runs) throws IOException {
        Path run = run(runs, "stopped");
        Files.writeString(run.resolve(RunDirectory.METRICS), """
                step,epoch,name,value
                1,1,train_loss,0.5
                2,1,train_loss,0.4
                2,1,train_grad_norm,0.0577,2,train_loss,0.1708
                3,1,train_loss,0.3
                4,1,train_loss,0.2
                5,1,train_lo""");
        Files.writeString(run.resolve("checkpoints/last.ckpt.tmp"), "half");
        try (RunDirectory directory = RunDirectory.open(run)) {
            assertEquals(2, directory.cutMetricsAfter(3), "the merged line and the torn last line");
            directory.metric(4, 1, "train_loss", 0.25);
        }
        assertEquals("step,epoch,name,value\n1,1,train_loss,0.5\n2,1,train_loss,0.4\n3,1,train_loss,0.3\n"
                + "4,1,train_loss,0.25000000\n", Files.readString(run.resolve(RunDirectory.METRICS)));
        assertFalse(Files.exists(run.resolve("checkpoints/last.ckpt.tmp")), "a killed writer's temporary is removed");
    }
}
