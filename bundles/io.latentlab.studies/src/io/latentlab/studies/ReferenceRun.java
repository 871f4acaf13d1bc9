package io.latentlab.studies;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.Yaml;

/**
 * A benchmark row's reference implementation, trained beside Latentlab in the same invocation:
 * a program outside the product (benchmarks/pytorch/reference.py, PyTorch on the CPU) that
 * trains the same network on the same data with the same batch size, optimizer, epochs, seed and
 * threads, and prints one JSON object with its examples per second over the training epochs,
 * its final test metric and its peak resident memory.
 *
 * @param python the interpreter, e.g. {@code /usr/bin/python3}
 * @param script the reference program
 * @param data the MNIST folder it reads
 * @param row the program's name for the row, e.g. {@code dense_ae}
 */
public record ReferenceRun(String python, Path script, Path data, String row) {

    /** How long one reference training may take before it is stopped. */
    private static final long TIMEOUT_HOURS = 6;

    /**
     * What the reference reported.
     *
     * @param engine its name and version, e.g. {@code pytorch 1.13.0}
     * @param examplesPerSecond its examples per second over the training epochs (evaluation excluded)
     * @param metric the name of its final test metric
     * @param value that metric's value
     * @param peakRssMb its peak resident memory in MB
     * @param blas the BLAS library it loaded
     */
    public record Figures(String engine, double examplesPerSecond, String metric, double value, double peakRssMb,
            String blas) {
    }

    /**
     * Trains the reference and waits for its figures.
     *
     * @param epochs the experiment's epochs
     * @param batchSize its batch size
     * @param seed its seed
     * @param trainLimit the training examples it uses (the first ones), 0 for all
     * @param threads the threads Latentlab trained with
     * @param pretrainEpochs a stacked autoencoder's pre-training epochs per layer, null for other models
     * @return what the reference printed
     * @throws IOException if it cannot start, fails (its output is in the message) or prints no JSON
     */
    public Figures train(int epochs, int batchSize, long seed, long trainLimit, int threads, Long pretrainEpochs)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(python, script.toString(), row, "--mnist", data.toString(),
                "--epochs", Integer.toString(epochs), "--batch", Integer.toString(batchSize), "--seed",
                Long.toString(seed), "--threads", Integer.toString(threads)));
        if (trainLimit > 0) {
            command.addAll(List.of("--train-limit", Long.toString(trainLimit)));
        }
        if (pretrainEpochs != null) {
            command.addAll(List.of("--pretrain-epochs", Long.toString(pretrainEpochs)));
        }
        Path output = Files.createTempFile("latentlab-reference-", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            try {
                if (!process.waitFor(TIMEOUT_HOURS, TimeUnit.HOURS)) {
                    process.destroyForcibly();
                    throw new IOException(String.join(" ", command) + " did not finish in " + TIMEOUT_HOURS + " h");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the reference trained", e);
            }
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            String json = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            if (process.exitValue() != 0 || !json.startsWith("{")) {
                throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
            }
            return parse(json);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * @param json the reference's JSON line
     * @return its figures
     * @throws IOException if a figure is missing
     */
    static Figures parse(String json) throws IOException {
        Map<?, ?> values = new Yaml().load(json);
        try {
            return new Figures(String.valueOf(values.get("engine")), number(values, "examples_per_second"),
                    String.valueOf(values.get("metric")), number(values, "value"), number(values, "peak_rss_mb"),
                    String.valueOf(values.get("blas")));
        } catch (IllegalArgumentException e) {
            throw new IOException("the reference printed " + json + ": " + e.getMessage(), e);
        }
    }

    private static double number(Map<?, ?> values, String name) {
        if (!(values.get(name) instanceof Number number)) {
            throw new IllegalArgumentException("no number '" + name + "'");
        }
        return number.doubleValue();
    }
}
