package io.latentlab.nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.javacpp.Pointer;

/**
 * Keeps the native memory of a long loop bounded. ND4J frees an array's native buffer only
 * after the garbage collector has found the array's Java object; a training step's temporaries
 * weigh little on the Java heap, so the heap can go thousands of steps without a collection
 * while gigabytes of native buffers wait for it (a VQ-VAE reached 2.6 GB resident in two epochs
 * of MNIST). Loops call {@link #collectIfGrown()} once per step or slice: when the process'
 * resident memory has grown by {@value #GROWTH_MB} MB since the last collection, it asks for one.
 * Benchmarks read the process' peak resident memory here ({@link #peakResidentMb()}).
 */
public final class NativeMemory {

    /** Growth of resident memory, in MB, that triggers a collection. */
    public static final long GROWTH_MB = 256;

    private static final long GROWTH = GROWTH_MB << 20;
    /** The lowest resident memory since the last collection (ND4J frees buffers on its own threads, after it). */
    private static long low = -1;
    /** Resident memory at the last collection, or -1. */
    private static long collected = -1;

    private NativeMemory() {
    }

    /**
     * @return the bytes native arrays may take in all: javacpp's {@code maxphysicalbytes} (the
     *         launcher sets it) when set, else the machine's memory; allocating beyond it fails
     *         (or, in libnd4j, crashes the process), so callers check large allocations first
     */
    public static long budgetBytes() {
        long limit = Pointer.maxPhysicalBytes();
        long machine = Pointer.totalPhysicalBytes();
        if (limit <= 0) {
            return machine > 0 ? machine : Long.MAX_VALUE;
        }
        return machine > 0 ? Math.min(limit, machine) : limit;
    }

    /** @return the bytes native arrays may still take: {@link #budgetBytes()} less what the process holds now */
    public static long availableBytes() {
        return Math.max(0, budgetBytes() - Pointer.physicalBytes());
    }

    /**
     * @param bytes an estimate of what is about to be allocated
     * @return whether it fits beside what the process holds now, within {@link #budgetBytes()}
     */
    public static boolean fits(long bytes) {
        return bytes >= 0 && bytes <= budgetBytes() - Pointer.physicalBytes();
    }

    /**
     * Asks for a garbage collection when resident memory grew by {@value #GROWTH_MB} MB above its
     * low point since the last one, or by an eighth of that above its level at the last one: the
     * allocator keeps freed buffers for reuse without returning them to the system, so growth
     * past that level means the freed memory is used up again.
     */
    public static synchronized void collectIfGrown() {
        long resident = Pointer.physicalBytes();
        if (low < 0 || resident < low) {
            low = resident;
        }
        if (resident - low > GROWTH || collected >= 0 && resident - collected > GROWTH / 8) {
            System.gc();
            low = resident;
            collected = resident;
        }
    }

    /**
     * Starts a new peak at the current resident memory: Linux lets a process reset its high-water
     * mark by writing 5 to /proc/self/clear_refs. Elsewhere {@link #peakResidentMb()} keeps the
     * process' peak so far.
     */
    public static void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux, or not allowed
        }
    }

    /** @return the peak resident memory (native arrays included) in MB since start or {@link #resetPeak()}, or NaN off Linux */
    public static double peakResidentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return Double.NaN;
    }
}
