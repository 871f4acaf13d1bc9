package io.latentlab.runs;

import java.util.function.LongSupplier;

/**
 * How often a run tells of its progress, by the clock rather than by steps (a slow model's
 * steps take seconds, a fast one's a millisecond): the progress line at most four times a
 * second, {@code progress.txt} (what dashboards read) about once a second, and both always at
 * the end of an epoch.
 */
public final class ProgressPace {

    private static final long REPORT_NANOS = 250_000_000L;
    private static final long WRITE_NANOS = 1_000_000_000L;

    private final LongSupplier clock;
    private long reported = Long.MIN_VALUE;
    private long written = Long.MIN_VALUE;

    /** A pace by {@link System#nanoTime()}. */
    public ProgressPace() {
        this(System::nanoTime);
    }

    /**
     * @param nanos the clock, in nanoseconds
     */
    public ProgressPace(LongSupplier nanos) {
        this.clock = nanos;
    }

    /**
     * @param endOfEpoch whether the step just done ends an epoch (or the run)
     * @return whether to report the progress line now
     */
    public boolean report(boolean endOfEpoch) {
        long now = clock.getAsLong();
        if (endOfEpoch || reported == Long.MIN_VALUE || now - reported >= REPORT_NANOS) {
            reported = now;
            return true;
        }
        return false;
    }

    /**
     * @param endOfEpoch whether the step just done ends an epoch (or the run)
     * @return whether to rewrite the run's progress file now
     */
    public boolean write(boolean endOfEpoch) {
        long now = clock.getAsLong();
        if (endOfEpoch || written == Long.MIN_VALUE || now - written >= WRITE_NANOS) {
            written = now;
            return true;
        }
        return false;
    }
}
