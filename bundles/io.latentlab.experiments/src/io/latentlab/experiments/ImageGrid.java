package io.latentlab.experiments;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.imageio.ImageIO;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Writes images [n, 1, h, w] (values in [0, 1]) as one grey PNG grid with 2-pixel gaps. */
public final class ImageGrid {

    private ImageGrid() {
    }

    /**
     * @param images the images, one channel
     * @param columns images per row
     * @param file the PNG to write (atomically)
     * @throws IOException if it cannot be written
     */
    public static void write(INDArray images, int columns, Path file) throws IOException {
        int count = (int) images.size(0);
        int height = (int) images.size(images.rank() - 2);
        int width = (int) images.size(images.rank() - 1);
        int rows = (count + columns - 1) / columns;
        int gap = 2;
        BufferedImage grid = new BufferedImage(columns * (width + gap) + gap, rows * (height + gap) + gap,
                BufferedImage.TYPE_BYTE_GRAY);
        float[][] pixels = images.reshape(count, (long) height * width).toFloatMatrix();
        for (int i = 0; i < count; i++) {
            int x0 = gap + (i % columns) * (width + gap);
            int y0 = gap + (i / columns) * (height + gap);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int grey = Math.round(Math.max(0, Math.min(1, pixels[i][y * width + x])) * 255);
                    grid.getRaster().setSample(x0 + x, y0 + y, 0, grey);
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
}
