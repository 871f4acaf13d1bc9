package io.latentlab.runs;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Writes images [n, 1, h, w] (grey), [n, 3, h, w] (colour) or vectors [n, d] (values in [0, 1])
 * as one PNG grid with 2-pixel gaps.
 */
public final class ImageGrid {

    /** Pixels between the images and around them. */
    public static final int GAP = 2;

    private ImageGrid() {
    }

    /**
     * Writes several views of the same examples (e.g. inputs, outputs, targets) as bands: a row of
     * {@code columns} examples from each view in turn, then the next examples.
     *
     * @param views one image per example each, all the same count and shape
     * @param columns examples per row
     * @param file the PNG to write (atomically)
     * @throws IOException if it cannot be written
     */
    public static void writeBands(List<INDArray> views, int columns, Path file) throws IOException {
        long count = views.get(0).size(0);
        List<INDArray> rows = new ArrayList<>();
        for (long start = 0; start < count; start += columns) {
            long end = Math.min(count, start + columns);
            for (INDArray view : views) {
                rows.add(view.get(NDArrayIndex.interval(start, end)).castTo(views.get(0).dataType()));
            }
        }
        write(Nd4j.concat(0, rows.toArray(INDArray[]::new)), columns, file);
    }

    /**
     * @param images the images: one channel (grey) or three (red, green, blue), or vectors
     * @param columns images per row
     * @param file the PNG to write (atomically)
     * @throws IOException if it cannot be written
     */
    public static void write(INDArray images, int columns, Path file) throws IOException {
        int count = (int) images.size(0);
        int channels = images.rank() == 4 ? (int) images.size(1) : 1;
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("a sample grid shows grey or RGB images, not " + channels + " channels");
        }
        int[] cell = cellSize(images);
        int height = cell[0];
        int width = cell[1];
        int rows = (count + columns - 1) / columns;
        int gap = GAP;
        BufferedImage grid = new BufferedImage(columns * (width + gap) + gap, rows * (height + gap) + gap,
                channels == 3 ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        int plane = height * width;
        float[][] pixels = images.reshape(count, (long) channels * plane).toFloatMatrix();
        for (int i = 0; i < count; i++) {
            int x0 = gap + (i % columns) * (width + gap);
            int y0 = gap + (i / columns) * (height + gap);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    for (int c = 0; c < channels; c++) {
                        grid.getRaster().setSample(x0 + x, y0 + y, c, byteOf(pixels[i][c * plane + y * width + x]));
                    }
                }
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        if (!ImageIO.write(grid, "png", temporary.toFile())) {
            throw new IOException("no PNG writer available");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * @param images images [n, c, h, w] or [n, h, w], or vectors [n, d]
     * @return the height and width of one image in a grid: vectors (CSV rows) make a square if
     *         their length is one, else a one-pixel-high strip
     */
    public static int[] cellSize(INDArray images) {
        if (images.rank() >= 3) {
            return new int[] {(int) images.size(images.rank() - 2), (int) images.size(images.rank() - 1)};
        }
        int values = (int) (images.length() / images.size(0));
        int side = (int) Math.round(Math.sqrt(values));
        int height = side * side == values ? side : 1;
        return new int[] {height, values / height};
    }

    private static int byteOf(float value) {
        return Math.round(Math.max(0, Math.min(1, value)) * 255);
    }
}
