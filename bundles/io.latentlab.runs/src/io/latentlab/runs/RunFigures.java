package io.latentlab.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

import io.latentlab.core.model.Figure;

/**
 * A run's model figures ({@link Figure}) on disk: {@code figures/ID/epoch-NNN.json} for every
 * epoch drawn, with {@code epoch-NNN.png} beside it for images. The JSON is written last, so a
 * figure whose JSON exists is complete. Written by the runner, read by the workbench.
 */
public final class RunFigures {

    /** The folder of a run's figures. */
    public static final String FOLDER = "figures";

    /** Examples per row of an image figure. */
    public static final int COLUMNS = 8;

    /**
     * One figure as drawn at one epoch.
     *
     * @param id the figure's id
     * @param title its title
     * @param epoch the epoch, from 1
     * @param image the PNG of an image figure, else {@code null}
     * @param imageWidth the width of one example's image in it (pixels)
     * @param imageHeight its height
     * @param bands the bands of an image figure
     * @param captions one per example of an image figure, or none
     * @param category what a bar figure's bars are
     * @param value what their height is
     * @param values a bar figure's heights, else empty
     */
    public record Drawn(String id, String title, int epoch, Path image, int imageWidth, int imageHeight, int bands,
            List<String> captions, String category, String value, double[] values) {

        /** @return whether it is an image figure (else bars) */
        public boolean isImages() {
            return image != null;
        }
    }

    private RunFigures() {
    }

    /**
     * Writes a figure as drawn at an epoch.
     *
     * @param run the run directory
     * @param figure the figure
     * @param epoch the epoch, from 1
     * @throws IOException if it cannot be written
     */
    public static void write(Path run, Figure figure, int epoch) throws IOException {
        Path folder = run.resolve(FOLDER).resolve(figure.id());
        Files.createDirectories(folder);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", figure.title());
        switch (figure) {
            case Figure.Images images -> {
                ImageGrid.writeBands(images.bands(), COLUMNS, RunFolders.epochFile(folder, epoch, "png"));
                int[] cell = ImageGrid.cellSize(images.bands().get(0));
                json.put("kind", "images");
                json.put("image_width", cell[1]);
                json.put("image_height", cell[0]);
                json.put("bands", images.bands().size());
                json.put("captions", images.captions());
            }
            case Figure.Bars bars -> {
                json.put("kind", "bars");
                json.put("category", bars.category());
                json.put("value", bars.value());
                json.put("values", Arrays.stream(bars.values()).boxed().toList());
            }
        }
        AtomicFile.writeString(RunFolders.epochFile(folder, epoch, "json"), Json.write(json) + "\n");
    }

    /**
     * @param run a run directory
     * @return the ids of its figures that have been drawn, in name order
     */
    public static List<String> ids(Path run) {
        return list(run.resolve(FOLDER), p -> Files.isDirectory(p)).stream()
                .filter(id -> !epochs(run, id).isEmpty()).toList();
    }

    /**
     * @param run a run directory
     * @param id a figure's id
     * @return the epochs at which it was drawn, ascending
     */
    public static List<Integer> epochs(Path run, String id) {
        return RunFolders.epochs(run.resolve(FOLDER).resolve(id), "json");
    }

    /**
     * Reads a figure as drawn at an epoch.
     *
     * @param run a run directory
     * @param id the figure's id
     * @param epoch one of {@link #epochs}
     * @return it
     * @throws IOException if it cannot be read or is not a figure (named in the message)
     */
    public static Drawn read(Path run, String id, int epoch) throws IOException {
        Path folder = run.resolve(FOLDER).resolve(id);
        Path file = RunFolders.epochFile(folder, epoch, "json");
        Object loaded;
        try {
            loaded = new Yaml().load(Files.readString(file));
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a figure: " + e.getMessage(), e);
        }
        if (!(loaded instanceof Map<?, ?> json) || !(json.get("title") instanceof String title)) {
            throw new IOException(file + ": not a figure (no title)");
        }
        if ("images".equals(json.get("kind"))) {
            List<String> captions = json.get("captions") instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList() : List.of();
            return new Drawn(id, title, epoch, RunFolders.epochFile(folder, epoch, "png"), number(json, "image_width", file),
                    number(json, "image_height", file), number(json, "bands", file), captions, null, null, new double[0]);
        }
        if ("bars".equals(json.get("kind")) && json.get("values") instanceof List<?> list) {
            double[] values = new double[list.size()];
            for (int i = 0; i < values.length; i++) {
                if (!(list.get(i) instanceof Number value)) {
                    throw new IOException(file + ": values[" + i + "] is not a number");
                }
                values[i] = value.doubleValue();
            }
            return new Drawn(id, title, epoch, null, 0, 0, 0, List.of(), String.valueOf(json.get("category")),
                    String.valueOf(json.get("value")), values);
        }
        throw new IOException(file + ": kind is neither images nor bars with values");
    }

    private static int number(Map<?, ?> json, String key, Path file) throws IOException {
        if (json.get(key) instanceof Number number && number.intValue() > 0) {
            return number.intValue();
        }
        throw new IOException(file + ": " + key + " is not a positive number");
    }

    private static List<String> list(Path folder, java.util.function.Predicate<Path> keep) {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
            files.filter(keep).map(p -> p.getFileName().toString()).sorted().forEach(names::add);
        } catch (IOException e) {
            // a folder being written or removed: nothing drawn yet
        }
        return names;
    }
}
