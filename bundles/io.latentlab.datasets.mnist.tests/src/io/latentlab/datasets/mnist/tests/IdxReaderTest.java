package io.latentlab.datasets.mnist.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import io.latentlab.core.data.DatasetException;
import io.latentlab.datasets.mnist.IdxReader;

/** IDX files: a truncated file or a wrong magic number is named with its byte offset. */
class IdxReaderTest {

    @Test
    void aTruncatedIdxFileNamesTheFileAndByteOffset() {
        byte[] header = {0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 28, 0, 0, 0, 28, 1, 2, 3};
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read("images.idx",
                new ByteArrayInputStream(header), IdxReader.IMAGES_MAGIC, 0));
        assertTrue(e.getMessage().contains("images.idx: truncated at byte offset 19"), e.getMessage());
        DatasetException magic = assertThrows(DatasetException.class, () -> IdxReader.read("labels.idx",
                new ByteArrayInputStream(header), IdxReader.LABELS_MAGIC, 0));
        assertTrue(magic.getMessage().contains("labels.idx: magic number 0x803 at byte offset 0 is not 0x801"),
                magic.getMessage());
    }

    /** Four labels 0..3 as an IDX file. */
    private static byte[] labels(int count, int extra) {
        byte[] file = new byte[8 + count + extra];
        file[2] = 8;
        file[3] = 1;
        file[7] = (byte) count;
        for (int i = 0; i < count + extra; i++) {
            file[8 + i] = (byte) (i % 10);
        }
        return file;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    @Test
    void aGzipWhoseChecksumFailsIsRefusedEvenWhenOnlyAFewItemsAreRead() throws IOException {
        byte[] archive = gzip(labels(200, 0));
        assertEquals(200, IdxReader.read("labels.gz", new ByteArrayInputStream(archive), IdxReader.LABELS_MAGIC, 5)
                .values().length + 195, "a sound archive reads, limited to 5 items");
        archive[archive.length - 6] ^= 0x55; // the CRC-32 in the trailer: the data inflates, the check fails
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read("labels.gz",
                new ByteArrayInputStream(archive), IdxReader.LABELS_MAGIC, 5));
        assertTrue(e.getMessage().startsWith("labels.gz: corrupt ("), e.getMessage());
        assertTrue(e.getMessage().contains("gzip -t"), e.getMessage());
    }

    @Test
    void dataBeyondWhatTheHeaderAnnouncesIsRefused() {
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read("labels.idx",
                new ByteArrayInputStream(labels(4, 3)), IdxReader.LABELS_MAGIC, 0));
        assertEquals("labels.idx: the header announces 4 items of 1 bytes but the data goes on for 3 more bytes"
                + " (of the uncompressed data)", e.getMessage());
    }
}
