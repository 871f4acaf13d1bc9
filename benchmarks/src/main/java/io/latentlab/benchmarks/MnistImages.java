package io.latentlab.benchmarks;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads MNIST images from an IDX file (gzipped or not) as floats in [0, 1], one row per image. */
final class MnistImages {

    private MnistImages() {
    }

    static float[][] read(Path file, int limit) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw)) {
            int magic = in.readInt();
            if (magic != 0x00000803) {
                throw new IOException(file + ": not an IDX image file (magic " + Integer.toHexString(magic) + " at byte 0)");
            }
            int count = Math.min(in.readInt(), limit);
            int rows = in.readInt();
            int columns = in.readInt();
            float[][] images = new float[count][rows * columns];
            byte[] buffer = new byte[rows * columns];
            for (int i = 0; i < count; i++) {
                in.readFully(buffer);
                for (int p = 0; p < buffer.length; p++) {
                    images[i][p] = (buffer[p] & 0xff) / 255f;
                }
            }
            return images;
        }
    }
}
