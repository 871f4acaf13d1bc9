package io.latentlab.analyses;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.latentlab.core.model.Model;
import io.latentlab.core.model.TrainedNetwork;
import io.latentlab.core.onnx.OnnxExportException;
import io.latentlab.engine.Network;
import io.latentlab.onnx.OnnxExport;
import io.latentlab.runs.ExperimentRunner;

/**
 * A trained run's networks written as ONNX models: what {@code latentlab export --format onnx}
 * and the workbench's <i>Export Network as ONNX...</i> do.
 */
public final class OnnxNetworks {

    private OnnxNetworks() {
    }

    /**
     * @param model a model
     * @return its networks made of layers (the encoder, decoder, generator...), which ONNX export
     *         writes; arrays a model trains itself (a VQ-VAE's codebook) are not among them
     */
    public static List<Network> of(Model model) {
        List<Network> networks = new ArrayList<>();
        for (TrainedNetwork network : model.networks()) {
            if (network instanceof Network layers) {
                networks.add(layers);
            }
        }
        return networks;
    }

    /**
     * Writes one network, or every network, of a loaded run ({@code latentlab export --format onnx}).
     *
     * @param run the loaded run
     * @param runDirectory its directory (named in each model's metadata)
     * @param modelId the run's model id
     * @param network the network's name, or {@code null} for all
     * @param out with one network, the file (or {@code null}: RUN_DIR/onnx/NAME.onnx); with several, the folder
     *        (or {@code null}: RUN_DIR/onnx)
     * @return the files written, in network order
     * @throws IllegalArgumentException if the model has no network of that name
     * @throws OnnxExportException naming the layer and its bundle if a layer has no ONNX mapping
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(ExperimentRunner.LoadedRun run, Path runDirectory, String modelId, String network,
            Path out) throws IOException {
        if (network != null && out != null) {
            return write(run, runDirectory, modelId, List.of(network), name -> out);
        }
        Path folder = out != null ? out : runDirectory.resolve("onnx");
        return write(run, runDirectory, modelId, network == null ? List.of() : List.of(network),
                name -> folder.resolve(name + ".onnx"));
    }

    /**
     * Writes the chosen networks of a loaded run into a folder, as NAME.onnx (the workbench's
     * <i>Export Network as ONNX...</i>).
     *
     * @param run the loaded run
     * @param runDirectory its directory
     * @param modelId the run's model id
     * @param networks the networks' names; empty for all
     * @param folder where to write
     * @return the files written, in network order
     * @throws IllegalArgumentException if the model has no network of one of the names
     * @throws OnnxExportException naming the layer and its bundle if a layer has no ONNX mapping
     * @throws IOException if a file cannot be written
     */
    public static List<Path> writeInto(ExperimentRunner.LoadedRun run, Path runDirectory, String modelId,
            List<String> networks, Path folder) throws IOException {
        return write(run, runDirectory, modelId, networks, name -> folder.resolve(name + ".onnx"));
    }

    private static List<Path> write(ExperimentRunner.LoadedRun run, Path runDirectory, String modelId, List<String> names,
            Function<String, Path> file) throws IOException {
        List<Network> networks = of(run.model());
        List<Network> chosen = new ArrayList<>();
        for (String name : names) {
            chosen.add(networks.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("the " + modelId + " model of " + runDirectory.getFileName()
                            + " has no network '" + name + "'; its networks: "
                            + String.join(", ", networks.stream().map(Network::name).toList()))));
        }
        if (names.isEmpty()) {
            chosen = networks;
        }
        // every network is written to memory first: one without an ONNX mapping leaves no files behind
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (Network each : chosen) {
            files.put(file.apply(each.name()).toAbsolutePath(), OnnxExport.toBytes(each, "network '" + each.name()
                    + "' of the " + modelId + " run " + runDirectory.getFileName() + " (Latentlab), in evaluation mode",
                    Map.of("latentlab.run", runDirectory.getFileName().toString(), "latentlab.model", modelId,
                            "latentlab.network", each.name())));
        }
        for (Map.Entry<Path, byte[]> entry : files.entrySet()) {
            OnnxExport.write(entry.getKey(), entry.getValue());
        }
        return List.copyOf(files.keySet());
    }
}
