package io.latentlab.analyses;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.datasets.files.NumPyArrays;
import io.latentlab.runs.ExperimentRunner;

/**
 * A trained run's test data and what the model makes of it, as NumPy arrays in one {@code .npz}:
 * {@code inputs}, {@code labels} (if any), {@code reconstructions} and {@code codes} (if the model
 * has latent codes), all float32; what {@code latentlab export --format npz} and the workbench's
 * <i>Export Test Arrays as NumPy...</i> write, so that a notebook picks up where the workbench stops.
 */
public final class RunArrays {

    private RunArrays() {
    }

    /**
     * Writes the arrays, beside the target first and then moved into place (an interrupted export
     * leaves no half file).
     *
     * @param run the loaded run
     * @param target the {@code .npz} to write
     * @return each array's name and shape, in the file's order
     * @throws IOException if the file cannot be written
     */
    public static Map<String, long[]> writeNpz(ExperimentRunner.LoadedRun run, Path target) throws IOException {
        INDArray inputs = run.dataset().testFeatures();
        Map<String, NumPyArrays.Array> arrays = new LinkedHashMap<>();
        arrays.put("inputs", array(inputs));
        if (run.dataset().testLabels() != null) {
            INDArray labels = run.dataset().testLabels();
            arrays.put("labels", array(labels.reshape(labels.length())));
        }
        arrays.put("reconstructions", array(run.model().sample(inputs)));
        try {
            arrays.put("codes", array(run.model().encode(inputs)));
        } catch (UnsupportedOperationException e) {
            // a model without latent codes (a GAN): the other arrays still go out
        }
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        NumPyArrays.writeNpz(temporary, arrays);
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        arrays.forEach((name, array) -> shapes.put(name, array.shape()));
        return shapes;
    }

    private static NumPyArrays.Array array(INDArray values) {
        INDArray flat = values.castTo(DataType.FLOAT).dup('c');
        return new NumPyArrays.Array(flat.shape(), "<f4", flat.data().asFloat());
    }
}
