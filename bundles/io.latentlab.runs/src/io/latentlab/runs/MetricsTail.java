package io.latentlab.runs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a run's {@code metrics.csv} as it grows: each call returns the complete lines added
 * since the last, so a live chart reads only what is new. A partly written last line waits for
 * the next call; malformed lines are skipped, never fatal.
 */
public final class MetricsTail {

    /**
     * One metric value.
     *
     * @param step the training step
     * @param epoch the epoch, from 1
     * @param name e.g. {@code train_loss}
     * @param value the value
     */
    public record Point(long step, int epoch, String name, double value) {
    }

    private final Path file;
    private long offset;
    private int damaged;

    /**
     * @param line a line of {@code metrics.csv} without its newline
     * @return its value, or null for the header and for a line that is not a whole row (torn by a
     *         crash or a full disk, or two such lines run together)
     */
    public static Point parse(String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != 4 || "step".equals(fields[0])) {
            return null;
        }
        try {
            return new Point(Long.parseLong(fields[0]), Integer.parseInt(fields[1]), fields[2],
                    Double.parseDouble(fields[3]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @return how many whole lines read so far were damaged (skipped) */
    public int damagedLines() {
        return damaged;
    }

    /** @param run the run directory */
    public MetricsTail(Path run) {
        this.file = run.resolve(RunDirectory.METRICS);
    }

    /**
     * @return the values appended since the last call (all of them at the first)
     * @throws IOException if the file exists but cannot be read
     */
    public List<Point> next() throws IOException {
        List<Point> points = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return points;
        }
        byte[] bytes;
        try (RandomAccessFile input = new RandomAccessFile(file.toFile(), "r")) {
            long length = input.length();
            if (length < offset) {
                offset = 0; // the file was replaced
            }
            bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, length - offset)];
            input.seek(offset);
            input.readFully(bytes);
        }
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--; // keep an unfinished line for later
        }
        offset += end;
        for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
            Point point = parse(line);
            if (point != null) {
                points.add(point);
            } else if (!line.startsWith("step,") && !line.isEmpty()) {
                damaged++; // a damaged line: skip it, keep the rest, and let the reader say so
            }
        }
        return points;
    }
}
