package io.latentlab.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What can be done to run folders as a whole — archive, rename, delete, and the phases a run
 * kept for branching — for the command line and the workbench alike. A run that is training
 * is left alone.
 */
public final class RunFolders {

    private RunFolders() {
    }

    /**
     * Moves run folders into {@code runs/archive/} (kept on disk, no longer listed); a name
     * already there gets a number.
     *
     * @param runs the folder that holds runs
     * @param directories the run folders
     * @return where each went
     * @throws IOException if one cannot be moved (those before it are archived), or is training
     */
    public static List<Path> archive(Path runs, List<Path> directories) throws IOException {
        Path archive = Files.createDirectories(runs.resolve(RunInfo.ARCHIVE));
        List<Path> moved = new ArrayList<>();
        for (Path directory : directories) {
            requireNotTraining(directory, "archive");
            Path target = archive.resolve(directory.getFileName());
            for (int i = 2; Files.exists(target); i++) {
                target = archive.resolve(directory.getFileName() + "-" + i);
            }
            moved.add(Files.move(directory, target));
        }
        return moved;
    }

    /**
     * @param directory a run folder
     * @param name a new name for it
     * @return why the folder cannot take this name, or {@code null} if it can
     */
    public static String renameProblem(Path directory, String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            return "Enter a name.";
        }
        if (trimmed.contains("/") || trimmed.contains("\\") || trimmed.startsWith(".")) {
            return "A folder name without slashes that does not start with a dot.";
        }
        if (!trimmed.equals(directory.getFileName().toString()) && Files.exists(directory.resolveSibling(trimmed))) {
            return "A run folder named " + trimmed + " already exists.";
        }
        return null;
    }

    /**
     * Renames a run folder (metrics, checkpoints and samples move with it).
     *
     * @param directory the run folder
     * @param name its new name
     * @return the renamed folder
     * @throws IOException if it cannot be renamed (nothing is lost then), or is training
     */
    public static Path rename(Path directory, String name) throws IOException {
        String problem = renameProblem(directory, name);
        if (problem != null) {
            throw new IOException(problem);
        }
        requireNotTraining(directory, "rename");
        return Files.move(directory, directory.resolveSibling(name.strip()), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Deletes a run folder with everything in it.
     *
     * @param directory the run folder
     * @throws IOException if a file cannot be deleted, or the run is training
     */
    public static void delete(Path directory) throws IOException {
        requireNotTraining(directory, "delete");
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** A run's folder of sample grids, one per epoch drawn ({@link #epochFile}). */
    public static final String SAMPLES = "samples";

    /**
     * @param folder a folder of per-epoch files (a run's {@value #SAMPLES}, a figure's folder)
     * @param epoch the epoch, from 1
     * @param extension the file type, e.g. {@code png}
     * @return the epoch's file: {@code epoch-NNN.EXTENSION}
     */
    public static Path epochFile(Path folder, int epoch, String extension) {
        return folder.resolve(String.format(Locale.ROOT, "epoch-%03d.%s", epoch, extension));
    }

    /**
     * @param folder a folder of per-epoch files
     * @param extension their type, e.g. {@code png}
     * @return the epochs that have one, ascending; none if the folder is missing or being changed
     */
    public static List<Integer> epochs(Path folder, String extension) {
        String suffix = "." + extension;
        try (Stream<Path> files = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("epoch-\\d+" + Pattern.quote(suffix)))
                    .map(n -> Integer.parseInt(n.substring("epoch-".length(), n.length() - suffix.length()))).sorted()
                    .toList();
        } catch (IOException e) {
            return List.of(); // being written or removed: the next look lists it
        }
    }

    /**
     * @param directory a run folder
     * @return the phases it kept a checkpoint for (where each began), in order; none for most models
     */
    public static List<Integer> phases(Path directory) {
        try (Stream<Path> files = Files.list(directory.resolve(RunDirectory.CHECKPOINT).getParent())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("phase-\\d+\\.ckpt"))
                    .map(n -> Integer.parseInt(n.substring("phase-".length(), n.length() - ".ckpt".length()))).sorted()
                    .toList();
        } catch (IOException e) {
            return List.of(); // no checkpoints folder: nothing kept
        }
    }

    private static void requireNotTraining(Path directory, String what) throws IOException {
        if (RunLock.isHeld(directory)) {
            throw new IOException("cannot " + what + " " + directory.getFileName() + ": it is being trained by "
                    + RunLock.describe(directory));
        }
    }
}
