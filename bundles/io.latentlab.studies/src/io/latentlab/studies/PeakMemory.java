package io.latentlab.studies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process' peak resident memory (off-heap arrays included), per benchmark row: Linux lets
 * a process reset its high-water mark by writing 5 to /proc/self/clear_refs. Elsewhere the
 * figures are NaN.
 */
final class PeakMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private PeakMemory() {
    }

    /** Starts a new peak at the current resident memory. */
    static void reset() {
        try {
            Files.writeString(CLEAR_REFS, "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux, or not allowed: peakMb() then reports the process' peak so far, or NaN
        }
    }

    /** @return the peak resident memory since the last {@link #reset()} in MB, or NaN */
    static double peakMb() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
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
