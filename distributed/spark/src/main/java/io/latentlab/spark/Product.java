package io.latentlab.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An installed Latentlab product, run as a subprocess: the driver asks it for a sweep's trials and
 * its table, each task has it train one trial. So the cluster trains exactly what {@code latentlab
 * sweep} would, with the product's own resume and skip rules.
 *
 * @param launcher the product's {@code latentlab} script, at the same path on every worker (a
 *        string: tasks carry it to the workers, and paths are not serializable)
 * @param threads ND4J threads per trial (also the task's cores)
 */
public record Product(String launcher, int threads) implements Serializable {

    /** The output a failed command shows in the exception (the whole is in the task's log). */
    private static final int TAIL = 4000;

    /**
     * Runs {@code latentlab ARGS...} headless, with the trial's threads fixed (unset thread counts let
     * numbers drift in the 7th digit between machines).
     *
     * @param log where its output goes
     * @param arguments the command and its arguments
     * @return its output
     * @throws IOException if it cannot be started or exits with an error (its output's end in the message)
     */
    public String run(Path log, String... arguments) throws IOException {
        return finish(start(log, Map.of(), arguments), log, arguments);
    }

    /**
     * Starts {@code latentlab ARGS...} headless, as {@link #run} does, without waiting for it.
     *
     * @param log where its output goes
     * @param variables environment variables besides the threads' (secrets: never on a command line)
     * @param arguments the command and its arguments
     * @return the process; {@link #finish} waits for it
     * @throws IOException if it cannot be started
     */
    public Process start(Path log, Map<String, String> variables, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(launcher));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("DISPLAY"); // headless commands: no window, whatever the worker's session has
        environment.put("LATENTLAB_THREADS", Integer.toString(threads));
        environment.put("OMP_NUM_THREADS", Integer.toString(threads));
        environment.put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
        // stdin stays a pipe from this JVM: if it dies (a lost executor), the product stops with a checkpoint
        environment.put("LATENTLAB_STOP_WITH_PARENT", "1");
        environment.putAll(variables);
        return builder.start();
    }

    /**
     * Waits for a started command.
     *
     * @return its output
     * @throws IOException if it exits with an error (its output's end in the message), or the wait is interrupted
     */
    public String finish(Process process, Path log, String... arguments) throws IOException {
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy(); // the product stops after its current step, with a checkpoint
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: latentlab " + String.join(" ", arguments));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (status != 0) {
            throw new IOException("latentlab " + String.join(" ", arguments) + " exited " + status + ":\n"
                    + output.substring(Math.max(0, output.length() - TAIL)));
        }
        return output;
    }
}
