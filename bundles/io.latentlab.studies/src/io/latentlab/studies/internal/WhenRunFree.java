package io.latentlab.studies.internal;

import java.io.IOException;

import io.latentlab.experiments.InvalidExperimentException;
import io.latentlab.runs.RunLock;

/**
 * Training of one study member as a cluster task does it (a sweep's trial, a race's entrant): when
 * an earlier attempt's process still holds the run — its executor was lost and it is writing its
 * last checkpoint — waits for the run to be free, then trains (resumes) it.
 */
final class WhenRunFree {

    /** How long a task waits: a lost task's process stops with a checkpoint first. */
    private static final long WAIT_MILLISECONDS = 120_000;

    /** Training that may find its run locked. */
    interface Training<T> {
        T call() throws IOException, InvalidExperimentException;
    }

    private WhenRunFree() {
    }

    static <T> T train(Training<T> training) throws IOException, InvalidExperimentException {
        long deadline = System.currentTimeMillis() + WAIT_MILLISECONDS;
        while (true) {
            try {
                return training.call();
            } catch (RunLock.LockedException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
