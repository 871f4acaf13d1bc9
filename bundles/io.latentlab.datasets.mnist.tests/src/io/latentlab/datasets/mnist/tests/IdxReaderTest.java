package io.latentlab.datasets.mnist.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;

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
}
