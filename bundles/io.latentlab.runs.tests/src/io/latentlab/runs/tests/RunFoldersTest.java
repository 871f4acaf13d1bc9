package io.latentlab.runs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.runs.RunDirectory;
import io.latentlab.runs.RunFolders;
import io.latentlab.runs.RunInfo;
import io.latentlab.runs.RunLock;

/** Run folders archived, renamed and deleted as a whole; a run that is training is left alone. */
class RunFoldersTest {

    private static Path run(Path runs, String name, String status) throws IOException {
        Path run = runs.resolve(name);
        Files.createDirectories(run.resolve("checkpoints"));
        Files.writeString(run.resolve(RunDirectory.SNAPSHOT), "name: x\n");
        Files.writeString(run.resolve(RunDirectory.STATUS), status + "\n");
        Files.writeString(run.resolve(RunDirectory.METRICS), "step,epoch,name,value\n");
        return run;
    }

    @Test
    void archivedRunsAreKeptButNoLongerListedAndNamesDoNotCollide(@TempDir Path runs) throws IOException {
        Path a = run(runs, "20261129-120000-ae", "completed");
        Files.createDirectories(runs.resolve(RunInfo.ARCHIVE).resolve("20261129-120000-ae"));
        List<Path> moved = RunFolders.archive(runs, List.of(a));
        assertEquals(runs.resolve(RunInfo.ARCHIVE).resolve("20261129-120000-ae-2"), moved.get(0));
        assertTrue(Files.isRegularFile(moved.get(0).resolve(RunDirectory.METRICS)), "kept with its files");
        assertTrue(RunInfo.list(runs).isEmpty(), "no longer listed");
    }

    @Test
    void renamingChecksTheNameAndMovesEverything(@TempDir Path runs) throws IOException {
        Path a = run(runs, "a", "stopped");
        run(runs, "b", "completed");
        assertEquals("A run folder named b already exists.", RunFolders.renameProblem(a, "b"));
        assertEquals("A folder name without slashes that does not start with a dot.", RunFolders.renameProblem(a, "../x"));
        assertNull(RunFolders.renameProblem(a, "best-so-far"));
        Path renamed = RunFolders.rename(a, "best-so-far");
        assertTrue(Files.isRegularFile(renamed.resolve(RunDirectory.METRICS)));
        assertFalse(Files.exists(a));
        assertThrows(IOException.class, () -> RunFolders.rename(renamed, "b"));
    }

    @Test
    void aTrainingRunIsNotArchivedRenamedOrDeleted(@TempDir Path runs) throws IOException {
        Path training = run(runs, "busy", "running");
        try (RunLock held = RunLock.acquire(training)) {
            IOException e = assertThrows(IOException.class, () -> RunFolders.delete(training));
            assertTrue(e.getMessage().startsWith("cannot delete busy: it is being trained by pid "), e.getMessage());
            assertThrows(IOException.class, () -> RunFolders.rename(training, "other"));
            assertThrows(IOException.class, () -> RunFolders.archive(runs, List.of(training)));
            assertTrue(Files.isDirectory(training));
        }
    }

    @Test
    void aRunLeftRunningByAProcessThatIsGoneIsCrashedAndCanBeDeleted(@TempDir Path runs) throws IOException {
        Path crashed = run(runs, "left", "running");
        assertEquals("crashed", RunInfo.of(crashed).status());
        RunFolders.delete(crashed);
        assertFalse(Files.exists(crashed));
    }

    @Test
    void deletingRemovesTheFolderAndPhasesListTheKeptCheckpoints(@TempDir Path runs) throws IOException {
        Path a = run(runs, "a", "completed");
        Files.writeString(a.resolve("checkpoints/phase-3.ckpt"), "x");
        Files.writeString(a.resolve("checkpoints/phase-2.ckpt"), "x");
        Files.writeString(a.resolve("checkpoints/last.ckpt"), "x");
        assertEquals(List.of(2, 3), RunFolders.phases(a));
        RunFolders.delete(a);
        assertFalse(Files.exists(a));
        assertEquals(List.of(), RunFolders.phases(a));
    }
}
