package io.latentlab.runs;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One writer per run: an operating-system lock on the run's {@code lock} file, which also
 * names its holder (pid, host, since when), held for as long as a process trains the run.
 * The lock goes with the process, so a run whose status says {@code running} but whose lock
 * nobody holds was left by a process that is gone (killed, crashed, power lost).
 * <p>
 * Runs this JVM holds are also remembered in memory and never probed through a second channel:
 * on Linux, closing any channel of a file releases every lock the process holds on it.
 */
public final class RunLock implements AutoCloseable {

    /** The lock file inside a run directory. */
    public static final String FILE = "lock";

    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another process (or another training in this one) holds the run. */
    public static final class LockedException extends IOException {

        private static final long serialVersionUID = 1L;

        LockedException(Path directory, String holder) {
            super(directory.getFileName() + " is being trained by " + holder + "; wait for it to finish or stop it"
                    + " (one process writes a run at a time)");
        }
    }

    /**
     * Takes the run for this process.
     *
     * @param directory a run directory
     * @return the held lock; close it when training ends
     * @throws LockedException if someone else holds it, named in the message
     * @throws IOException if the lock file cannot be written
     */
    public static RunLock acquire(Path directory) throws IOException {
        Path key = key(directory);
        if (!HELD_HERE.add(key)) {
            throw new LockedException(directory, "this process (" + describe(directory) + ")");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(directory.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new LockedException(directory, describe(directory));
            }
            String holder = "pid " + ProcessHandle.current().pid() + " on " + host() + " since " + Instant.now() + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new RunLock(directory, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(key);
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    /**
     * @param directory a run directory
     * @return whether a live process (this one or another) holds it now
     */
    public static boolean isHeld(Path directory) {
        if (HELD_HERE.contains(key(directory))) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(directory.resolve(FILE), StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false; // unreadable lock file: nobody can be holding it through us
        }
    }

    /**
     * @param directory a run directory
     * @return who holds or last held it, as its lock file says ("pid 123 on host since ..."), or "another process"
     */
    public static String describe(Path directory) {
        try {
            String text = Files.readString(directory.resolve(FILE), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another process" : text;
        } catch (IOException e) {
            return "another process";
        }
    }

    private static Path key(Path directory) {
        return directory.toAbsolutePath().normalize();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }

    /** Releases the run and removes the lock file: the run is no longer being written. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(directory.resolve(FILE));
            lock.release();
        } finally {
            channel.close();
            HELD_HERE.remove(key(directory));
        }
    }
}
