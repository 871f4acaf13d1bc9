package io.latentlab.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.optim.Optimizer;

/**
 * Saves and restores everything a run needs to continue to the same numbers: parameters,
 * non-trainable state, optimizer state, the network's random generator and the
 * {@link TrainingState}. Written to a temporary file and renamed, so a killed process never
 * leaves a half-written checkpoint.
 */
public final class Checkpoint {

    private static final String META = "checkpoint.properties";
    private static final String PARAMETERS = "parameters.bin";
    private static final String STATE = "state.bin";
    private static final String OPTIMIZER_PREFIX = "optimizer/";

    private Checkpoint() {
    }

    /**
     * @param file where to write (replaced atomically)
     * @param network the network
     * @param optimizer its optimizer
     * @param state where training is
     * @throws IOException if the file cannot be written
     */
    public static void save(Path file, Network network, Optimizer optimizer, TrainingState state) throws IOException {
        Map<String, INDArray> arrays = new TreeMap<>();
        arrays.put(PARAMETERS, network.parameters());
        arrays.put(STATE, network.state());
        optimizer.state().forEach((name, array) -> arrays.put(OPTIMIZER_PREFIX + name, array));
        Map<String, String> properties = new TreeMap<>();
        properties.put("format", "1");
        properties.put("epoch", Integer.toString(state.epoch()));
        properties.put("batchInEpoch", Long.toString(state.batchInEpoch()));
        properties.put("step", Long.toString(state.step()));
        properties.put("random.rootState", Long.toString(network.random().rootState()));
        properties.put("random.nodeState", Long.toString(network.random().nodeState()));
        properties.put("dataType", network.dataType().name());
        saveArrays(file, arrays, properties);
    }

    /**
     * Restores a checkpoint into a network built from the same spec and an optimizer of the
     * same kind (already initialised).
     *
     * @param file the checkpoint
     * @param network the network to restore into
     * @param optimizer the optimizer to restore into
     * @return the training state to resume from
     * @throws IOException if the file cannot be read, or does not match the network
     */
    public static TrainingState load(Path file, Network network, Optimizer optimizer) throws IOException {
        Map<String, String> meta = new TreeMap<>();
        Map<String, INDArray> arrays = loadArrays(file, meta);
        if (meta.get("step") == null) {
            throw new IOException("checkpoint " + file + " has no training position");
        }
        restore(file, PARAMETERS, arrays, network.parameters());
        restore(file, STATE, arrays, network.state());
        for (Map.Entry<String, INDArray> entry : optimizer.state().entrySet()) {
            restore(file, OPTIMIZER_PREFIX + entry.getKey(), arrays, entry.getValue());
        }
        network.random().setStates(Long.parseLong(meta.get("random.rootState")), Long.parseLong(meta.get("random.nodeState")));
        return new TrainingState(Integer.parseInt(meta.get("epoch")), Long.parseLong(meta.get("batchInEpoch")),
                Long.parseLong(meta.get("step")));
    }

    /**
     * Writes named arrays and properties to one file, atomically (temporary file, then rename).
     *
     * @param file where to write
     * @param arrays the arrays, by name
     * @param properties small facts (step, epoch, ...)
     * @throws IOException if the file cannot be written
     */
    public static void saveArrays(Path file, Map<String, INDArray> arrays, Map<String, String> properties)
            throws IOException {
        saveArrays(file, arrays, properties, null);
    }

    /**
     * Writes named arrays and properties to one file, atomically, keeping the file it replaces
     * under another name: only once the new one is complete on disk, the old one is renamed to
     * {@code previous} and the new one into place, so that a failed write (a full disk) leaves
     * the last good checkpoint where it was.
     *
     * @param file where to write
     * @param arrays the arrays, by name
     * @param properties small facts (step, epoch, ...)
     * @param previous where the replaced file goes, or null to drop it
     * @throws IOException if the file cannot be written; the message names it and the size needed
     */
    public static void saveArrays(Path file, Map<String, INDArray> arrays, Map<String, String> properties, Path previous)
            throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            try (OutputStream out = Files.newOutputStream(temporary); ZipOutputStream zip = new ZipOutputStream(out)) {
                Properties meta = new Properties();
                meta.putAll(properties);
                zip.putNextEntry(new ZipEntry(META));
                meta.store(zip, "Latentlab checkpoint");
                zip.closeEntry();
                for (Map.Entry<String, INDArray> entry : new TreeMap<>(arrays).entrySet()) {
                    write(zip, entry.getKey(), entry.getValue());
                }
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        } catch (IOException e) {
            // a full disk: no half-written temporary left behind; the message names the file and the size needed
            Files.deleteIfExists(temporary);
            long bytes = arrays.values().stream().mapToLong(a -> a.length() * a.dataType().width()).sum();
            throw new IOException("cannot write checkpoint " + file + " (about " + (bytes >> 20) + " MB needed): "
                    + e.getMessage(), e);
        }
        if (previous != null && Files.isRegularFile(file)) {
            Files.move(file, previous, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads what {@link #saveArrays} wrote.
     *
     * @param file the file
     * @param properties filled with the saved properties
     * @return the arrays by name
     * @throws IOException naming the file if it is unreadable or corrupt
     */
    public static Map<String, INDArray> loadArrays(Path file, Map<String, String> properties) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no checkpoint: the run stopped before it wrote one");
        }
        Properties meta = new Properties();
        Map<String, INDArray> arrays = new TreeMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (META.equals(entry.getName())) {
                    meta.load(zip);
                } else {
                    arrays.put(entry.getName(), Nd4j.read(new DataInputStream(zip)));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException("checkpoint " + file + " is unreadable or corrupt: " + e.getMessage(), e);
        }
        if (meta.isEmpty()) {
            throw new IOException("checkpoint " + file + " has no " + META);
        }
        meta.forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
        return arrays;
    }

    private static void write(ZipOutputStream zip, String name, INDArray array) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        DataOutputStream data = new DataOutputStream(zip);
        Nd4j.write(array, data);
        data.flush();
        zip.closeEntry();
    }

    private static void restore(Path file, String name, Map<String, INDArray> arrays, INDArray target) throws IOException {
        INDArray saved = arrays.get(name);
        if (saved == null) {
            throw new IOException("checkpoint " + file + " lacks '" + name + "'");
        }
        if (saved.length() != target.length()) {
            throw new IOException("checkpoint " + file + ": '" + name + "' holds " + saved.length()
                    + " values but the network needs " + target.length() + " (was it saved from another network?)");
        }
        target.assign(saved.reshape(target.shape()).castTo(target.dataType()));
    }
}
