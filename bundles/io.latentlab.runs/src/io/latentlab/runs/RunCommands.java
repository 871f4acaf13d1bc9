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
     * Environment variable: {@code 1} makes a command stop (after the current step, with a
     * checkpoint) when its standard input closes, i.e. when the process that started it with a pipe
     * is gone: a cluster task's executor that died, whose trial another executor then resumes.
     */
    public static final String STOP_WITH_PARENT = "LATENTLAB_STOP_WITH_PARENT";

    /** Watches standard input on a daemon thread; its end cancels the runner (as Ctrl-C does). */
    private static void stopWhenStdinCloses(ExperimentRunner runner) {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // what the parent writes means nothing; only the end of the stream does
                }
            } catch (IOException e) {
                // a broken pipe: the parent is gone too
            }
            runner.cancel();
        }, "latentlab-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
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
        if ("1".equals(System.getenv(STOP_WITH_PARENT))) {
            stopWhenStdinCloses(runner);
        }
        try {
            job.run(runner, progress);
            return 0;
        } catch (InvalidExperimentException e) {
            err.println(e.getMessage());
            return INVALID;
        } catch (RunLock.LockedException e) {
            err.println("latentlab: " + e.getMessage());
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

    /**
     * Checks a command's run directory argument before any work, so that each mistake gets its
     * own plain message (and exit code {@link #INVALID}) instead of a failure deep inside.
     *
     * @param command the command's name, for the message
     * @param argument the argument as typed
     * @param needsCheckpoint whether the command reads the trained model
     * @param err where the message goes
     * @return the directory, or null after the message
     */
    public static Path runDirectory(String command, String argument, boolean needsCheckpoint, PrintStream err) {
        Path directory = Path.of(argument);
        String problem = null;
        if (!Files.exists(directory)) {
            problem = "no such run directory: " + directory;
        } else if (!Files.isDirectory(directory)) {
            problem = directory + " is a file, not a run directory";
        } else if (!Files.isRegularFile(directory.resolve(RunDirectory.SNAPSHOT))) {
            problem = directory + " is not a run directory: it has no " + RunDirectory.SNAPSHOT;
        } else if (needsCheckpoint && !hasCheckpoint(directory)) {
            problem = directory.getFileName() + " has no checkpoint yet (" + RunDirectory.CHECKPOINT
                    + "): it stopped before its first one";
        }
        if (problem != null) {
            err.println("latentlab " + command + ": " + problem);
            return null;
        }
        return directory;
    }

    private static boolean hasCheckpoint(Path directory) {
        if (Files.isRegularFile(directory.resolve(RunDirectory.CHECKPOINT))) {
            return true;
        }
        for (int k = 1; k <= RunDirectory.MAX_KEPT_CHECKPOINTS; k++) {
            if (Files.isRegularFile(directory.resolve(RunDirectory.olderCheckpoint(k)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param command the command's name, for the message
     * @param option the option, e.g. {@code --n}
     * @param text its value as typed
     * @param min the smallest allowed
     * @param max the largest allowed
     * @param err where a message goes
     * @return the number, or null after a message naming the option and the range
     */
    public static Integer wholeNumber(String command, String option, String text, int min, int max, PrintStream err) {
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return (int) value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        err.println("latentlab " + command + ": " + option + " takes a whole number from " + min + " to " + max + ", not '"
                + text + "'");
        return null;
    }
}
