package io.latentlab.experiments.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.experiments.ExperimentRunner;
import io.latentlab.experiments.InvalidExperimentException;

/** What {@code train} and {@code resume} share: progress on the terminal, Ctrl-C, error reporting. */
final class TrainingCommands {

    /** Exit code for an invalid experiment or wrong arguments. */
    static final int INVALID = 2;

    private TrainingCommands() {
    }

    interface Job {
        void run(ExperimentRunner runner, ExperimentRunner.Progress progress) throws Exception;
    }

    static int runWithProgress(ContributionRegistry registry, PrintStream out, PrintStream err, Job job) {
        ExperimentRunner runner = new ExperimentRunner(registry);
        boolean terminal = System.console() != null;
        ExperimentRunner.Progress progress = (line, endOfEpoch) -> {
            if (terminal) {
                out.print("\r\u001b[2K" + line + (endOfEpoch ? "\n" : ""));
                out.flush();
            } else if (endOfEpoch) {
                out.println(line);
            }
        };
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: stop after the current step and write a final checkpoint before the JVM exits.
        Thread stopper = new Thread(() -> {
            runner.cancel();
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "latentlab-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            job.run(runner, progress);
            return 0;
        } catch (InvalidExperimentException e) {
            err.println(e.getMessage());
            return INVALID;
        } catch (Exception e) {
            err.println("latentlab: the run failed: " + e.getMessage());
            return 1;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running and sees the latch
            }
        }
    }

    static CheckedExperiment read(ContributionRegistry registry, Path file) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new InvalidExperimentException(List.of(new io.latentlab.experiments.ExperimentProblem(file.toString(), 1, 1,
                    "", "no such file")));
        }
        return new ExperimentReader(registry).read(file);
    }

}
