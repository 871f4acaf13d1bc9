package io.latentlab.datasets.mnist;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

import io.latentlab.core.data.DatasetException;

/**
 * Reads IDX files (unsigned bytes: 1-D labels, 3-D images), gzipped or not, checking the
 * header against the data and naming the byte offset of any problem.
 */
public final class IdxReader {

    /** IDX magic number of unsigned-byte arrays with one dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;
    /** IDX magic number of unsigned-byte arrays with three dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;

    /**
     * The contents of one IDX file.
     *
     * @param dimensions the sizes from the header
     * @param values the values, C order
     */
    public record Idx(int[] dimensions, byte[] values) {

        /** @return the number of items (the first dimension) */
        public int count() {
            return dimensions[0];
        }
    }

    private IdxReader() {
    }

    /**
     * @param name the file's name, for messages
     * @param raw the file's bytes (gzipped or not)
     * @param expectedMagic {@link #LABELS_MAGIC} or {@link #IMAGES_MAGIC}
     * @param limit read at most this many items (0: all)
     * @return the header and values
     * @throws DatasetException naming the file and byte offset if it is not such a file or is truncated
     */
    public static Idx read(String name, InputStream raw, int expectedMagic, int limit) throws DatasetException {
        try (InputStream in = decompressed(name, raw)) {
            byte[] header = new byte[4];
            long offset = readFully(name, in, header, 0, "the magic number");
            int magic = toInt(header);
            if (magic != expectedMagic) {
                throw new DatasetException(name + ": magic number 0x" + Integer.toHexString(magic) + " at byte offset 0"
                        + " is not 0x" + Integer.toHexString(expectedMagic) + " (an IDX "
                        + (expectedMagic == IMAGES_MAGIC ? "image" : "label") + " file)");
            }
            int rank = expectedMagic & 0xff;
            int[] dimensions = new int[rank];
            long items = 1;
            for (int d = 0; d < rank; d++) {
                offset = readFully(name, in, header, offset, "dimension " + d);
                dimensions[d] = toInt(header);
                if (dimensions[d] <= 0) {
                    throw new DatasetException(name + ": dimension " + d + " at byte offset " + (offset - 4) + " is "
                            + dimensions[d]);
                }
            }
            int stored = dimensions[0];
            if (limit > 0 && limit < dimensions[0]) {
                dimensions[0] = limit;
            }
            long itemSize = 1;
            for (int d = 1; d < rank; d++) {
                itemSize *= dimensions[d];
            }
            items = dimensions[0] * itemSize;
            byte[] values = new byte[Math.toIntExact(items)];
            offset = readFully(name, in, values, offset, dimensions[0] + " items of " + itemSize + " bytes");
            // read to the end even past a limit: the rest must be what the header says, and only at
            // the end does gzip check its CRC and length (a corrupt archive inflates to garbage)
            long rest = drain(name, in, offset);
            long expected = (stored - (long) dimensions[0]) * itemSize;
            if (rest != expected) {
                throw new DatasetException(name + ": the header announces " + stored + " items of " + itemSize + " bytes but"
                        + " the data " + (rest > expected ? "goes on for " + (rest - expected) + " more bytes"
                                : "ends " + (expected - rest) + " bytes early") + " (of the uncompressed data)");
            }
            return new Idx(dimensions, values);
        } catch (DatasetException e) {
            throw e;
        } catch (IOException e) {
            throw new DatasetException(name + ": cannot be read: " + e.getMessage());
        }
    }

    private static InputStream decompressed(String name, InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == 0x1f && second == 0x8b) {
            try {
                return new GZIPInputStream(in);
            } catch (IOException e) {
                throw new DatasetException(name + ": corrupt gzip header: " + e.getMessage());
            }
        }
        return in;
    }

    /** @return how many bytes followed the offset, up to the end of the (verified) stream */
    private static long drain(String name, InputStream in, long offset) throws DatasetException {
        byte[] buffer = new byte[1 << 16];
        long count = 0;
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                count += read;
            }
        } catch (IOException e) {
            throw new DatasetException(name + ": corrupt (" + e.getMessage() + ") at byte offset " + (offset + count)
                    + " of the uncompressed data; " + (name.endsWith(".gz") ? "`gzip -t` checks the file; " : "")
                    + "download it again");
        }
        return count;
    }

    /** @return the offset after the bytes read */
    private static long readFully(String name, InputStream in, byte[] target, long offset, String what)
            throws DatasetException {
        int done = 0;
        try {
            while (done < target.length) {
                int read = in.read(target, done, target.length - done);
                if (read < 0) {
                    throw new EOFException();
                }
                done += read;
            }
        } catch (EOFException e) {
            throw new DatasetException(name + ": truncated at byte offset " + (offset + done) + " (of the uncompressed data)"
                    + " while reading " + what + ": " + (target.length - done) + " more bytes expected");
        } catch (IOException e) {
            throw new DatasetException(name + ": unreadable at byte offset " + (offset + done) + " while reading " + what
                    + ": " + e.getMessage());
        }
        return offset + done;
    }

    private static int toInt(byte[] bytes) {
        return ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
    }
}
