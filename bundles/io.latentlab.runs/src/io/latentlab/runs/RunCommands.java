package io.latentlab.runs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentProblem;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.experiments.InvalidExperimentException;

/**
 * What the commands that train or load runs share ({@code train}, {@code sweep}, {@code sample},
 * ...): progress on the terminal, Ctrl-C stopping after the current step, errors reported in
 * one line with an exit code.
 */
public final class RunCommands {

    /** Exit code for an invalid experiment or wrong arguments. */
    public static final int INVALID = 2;

    private RunCommands() {
    }

    /** A command's work, given a runner (cancelled by Ctrl-C) and a progress reporter. */
    public interface Job {
        /**
         * @param runner cancelled when the user presses Ctrl-C
         * @param progress prints progress lines
         * @throws InvalidExperimentException reported with exit code 2
         * @throws IOException reported as the command's failure (exit code 1), as is a runtime exception
         */
        void run(ExperimentRunner runner, ExperimentRunner.Progress progress) throws InvalidExperimentException, IOException;
    }

    /**
     * @param registry the installed contributions
     * @param out standard output
     * @param err standard error
     * @param job the command's work
     * @return the exit code: 0, 1 for a failure, {@link #INVALID} for an invalid experiment
     */
    public static int runWithProgress(ContributionRegistry registry, PrintStream out, PrintStream err, Job job) {
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
        } catch (IOException | RuntimeException e) {
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

    /**
     * @param registry the installed contributions
     * @param file an experiment file
     * @return it, checked
     * @throws InvalidExperimentException if it does not exist or is not valid
     * @throws IOException if it cannot be read
     */
    public static CheckedExperiment read(ContributionRegistry registry, Path file)
            throws InvalidExperimentException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidExperimentException(List.of(new ExperimentProblem(file.toString(), 1, 1, "", "no such file")));
        }
        return new ExperimentReader(registry).read(file);
    }

}
