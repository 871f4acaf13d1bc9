package io.latentlab.datasets.files.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.core.Parameters;
import io.latentlab.core.data.Dataset;
import io.latentlab.core.data.DatasetException;
import io.latentlab.datasets.files.NumPyArrays;
import io.latentlab.datasets.files.NumPyDataset;

/**
 * NumPy files as NumPy writes them (the fixtures are built byte by byte here, as np.save lays
 * them out), read into datasets of the right shapes and values; every malformed file refused
 * naming the file and what is wrong.
 */
class NumPyDatasetTest {

    /** The bytes np.save writes: magic, version 1.0, the header dict padded to 64 bytes, then the data. */
    static byte[] npy(String descr, boolean fortran, String shape, byte[] data) {
        String header = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': "
                + shape + ", }";
        int unpadded = 6 + 4 + header.length() + 1;
        header = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] floats(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }

    static byte[] doubles(double... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : values) {
            buffer.putDouble(value);
        }
        return buffer.array();
    }

    static byte[] longs(long... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long value : values) {
            buffer.putLong(value);
        }
        return buffer.array();
    }

    /** An .npz as np.savez (stored) or np.savez_compressed (deflated) writes it. */
    static void npz(Path file, boolean compressed, Map<String, byte[]> arrays) throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> array : arrays.entrySet()) {
                ZipEntry entry = new ZipEntry(array.getKey() + ".npy");
                if (!compressed) { // np.savez stores the arrays as they are
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(array.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(array.getValue().length);
                    entry.setCompressedSize(array.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(array.getValue());
                zip.closeEntry();
            }
        }
    }

    private static Dataset load(Path folder, Map<String, Object> given) throws DatasetException {
        NumPyDataset numpy = new NumPyDataset();
        return numpy.load(Parameters.of(numpy.schema(), given), folder);
    }

    /** uint8 images N x H x W with int64 labels in an .npz: grey images scaled to [0, 1], labels a column. */
    @Test
    void greyImagesAndLabelsFromAnNpz(@TempDir Path folder) throws Exception {
        byte[] pixels = new byte[3 * 2 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 20);
        }
        Map<String, byte[]> train = new LinkedHashMap<>();
        train.put("x", npy("|u1", false, "(3, 2, 2)", pixels));
        train.put("y", npy("<i8", false, "(3,)", longs(2, 0, 1)));
        npz(folder.resolve("train.npz"), true, train);
        Map<String, byte[]> test = new LinkedHashMap<>();
        test.put("x", npy("|u1", false, "(1, 2, 2)", new byte[] {0, (byte) 255, 0, (byte) 255}));
        test.put("y", npy("<i8", false, "(1,)", longs(4)));
        npz(folder.resolve("test.npz"), false, test);

        Dataset data = load(folder, Map.of("train_file", "train.npz", "test_file", "test.npz", "labels", "y"));
        assertArrayEquals(new long[] {3, 1, 2, 2}, data.trainFeatures().shape());
        assertEquals(220 / 255.0, data.trainFeatures().getDouble(2, 0, 1, 1), 1e-6, "the last pixel, 11 * 20");
        assertEquals(1.0, data.testFeatures().getDouble(0, 0, 0, 1), 1e-6);
        assertArrayEquals(new long[] {3, 1}, data.trainLabels().shape());
        assertEquals(2.0, data.trainLabels().getDouble(0, 0));
        assertEquals(5, data.classes(), "labels 0-4: five classes");
    }

    /** N x H x W x C float32 with layout nhwc becomes N x C x H x W: each value where it belongs. */
    @Test
    void channelsLastImagesAreReordered(@TempDir Path folder) throws Exception {
        float[] values = new float[2 * 2 * 3 * 3]; // N=2, H=2, W=3, C=3; value = n*100 + h*10 + w + c/10
        int i = 0;
        for (int n = 0; n < 2; n++) {
            for (int h = 0; h < 2; h++) {
                for (int w = 0; w < 3; w++) {
                    for (int c = 0; c < 3; c++) {
                        values[i++] = n * 100 + h * 10 + w + c / 10f;
                    }
                }
            }
        }
        Files.write(folder.resolve("x.npy"), npy("<f4", false, "(2, 2, 3, 3)", floats(values)));
        Dataset data = load(folder, Map.of("train_file", "x.npy", "test_file", "x.npy", "layout", "nhwc"));
        assertArrayEquals(new long[] {2, 3, 2, 3}, data.trainFeatures().shape());
        assertEquals(112.2, data.trainFeatures().getDouble(1, 2, 1, 2), 1e-4, "n=1, c=2, h=1, w=2");
        assertNull(data.trainLabels());
        assertEquals(0, data.classes());
    }

    /** float64 vectors in one .npy, int32 labels in another. */
    @Test
    void vectorsAndLabelsFromNpyFiles(@TempDir Path folder) throws Exception {
        Files.write(folder.resolve("x.npy"), npy("<f8", false, "(2, 3)", doubles(0.5, 0.25, 1, 0, 0.75, 0.125)));
        ByteBuffer labels = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(0);
        Files.write(folder.resolve("y.npy"), npy("<i4", false, "(2,)", labels.array()));
        Dataset data = load(folder, Map.of("train_file", "x.npy", "test_file", "x.npy", "train_labels_file", "y.npy",
                "test_labels_file", "y.npy"));
        assertArrayEquals(new long[] {2, 3}, data.trainFeatures().shape());
        assertEquals(0.125, data.trainFeatures().getDouble(1, 2), 1e-7);
        assertEquals(1.0, data.testLabels().getDouble(0, 0));
        assertEquals(2, data.classes());
    }

    private static String refusal(Path folder, byte[] npy, Map<String, Object> more) throws Exception {
        Files.write(folder.resolve("bad.npy"), npy);
        Map<String, Object> given = new LinkedHashMap<>(Map.of("train_file", "bad.npy", "test_file", "bad.npy"));
        given.putAll(more);
        return assertThrows(DatasetException.class, () -> load(folder, given)).getMessage();
    }

    @Test
    void malformedFilesAreRefusedNamingTheFileAndTheProblem(@TempDir Path folder) throws Exception {
        String truncated = refusal(folder, npy("<f4", false, "(2, 3)", floats(1, 2, 3, 4, 5)), Map.of());
        assertTrue(truncated.contains("bad.npy: the header says shape [2, 3] of <f4, 24 bytes of data, but the file holds"
                + " 20 (truncated?)"), truncated);
        String fortran = refusal(folder, npy("<f4", true, "(2, 3)", floats(1, 2, 3, 4, 5, 6)), Map.of());
        assertTrue(fortran.contains("bad.npy is in Fortran (column-major) order"), fortran);
        String bigEndian = refusal(folder, npy(">f4", false, "(2, 3)", floats(1, 2, 3, 4, 5, 6)), Map.of());
        assertTrue(bigEndian.contains("bad.npy is big-endian (>f4)"), bigEndian);
        String complex = refusal(folder, npy("<c8", false, "(2, 3)", new byte[48]), Map.of());
        assertTrue(complex.contains("bad.npy holds <c8 values; this reads float32, float64, uint8"), complex);
        String notNumpy = refusal(folder, "x,y\n1,2\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertTrue(notNumpy.contains("bad.npy is not a NumPy .npy array"), notNumpy);
        String nan = refusal(folder, npy("<f4", false, "(2, 3)", floats(1, 2, Float.NaN, 4, 5, 6)), Map.of());
        assertTrue(nan.contains("bad.npy: value 2 is NaN, not a finite float"), nan);
        String scalar = refusal(folder, npy("<f4", false, "()", floats(1)), Map.of());
        assertTrue(scalar.contains("the examples have shape []; expected N x D vectors"), scalar);

        Files.write(folder.resolve("fraction.npy"), npy("<f4", false, "(2,)", floats(1, 0.5f)));
        String fraction = refusal(folder, npy("<f4", false, "(2, 3)", floats(1, 2, 3, 4, 5, 6)),
                Map.of("train_labels_file", "fraction.npy", "test_labels_file", "fraction.npy"));
        assertTrue(fraction.contains("fraction.npy: label 1 is 0.5, not a class number"), fraction);
        Files.write(folder.resolve("three.npy"), npy("<i8", false, "(3,)", longs(0, 1, 0)));
        String count = refusal(folder, npy("<f4", false, "(2, 3)", floats(1, 2, 3, 4, 5, 6)),
                Map.of("train_labels_file", "three.npy", "test_labels_file", "three.npy"));
        assertTrue(count.contains("three.npy: 3 labels for 2 examples"), count);

        npz(folder.resolve("keys.npz"), false, Map.of("images", npy("<f4", false, "(1, 2)", floats(1, 2))));
        String key = assertThrows(DatasetException.class, () -> load(folder, Map.of("train_file", "keys.npz",
                "test_file", "keys.npz"))).getMessage();
        assertTrue(key.contains("keys.npz has no array 'x' (features); its arrays: images"), key);
        Files.writeString(folder.resolve("notzip.npz"), "plain text");
        String zip = assertThrows(DatasetException.class, () -> load(folder, Map.of("train_file", "notzip.npz",
                "test_file", "notzip.npz"))).getMessage();
        assertTrue(zip.contains("notzip.npz is not an .npz (zip) file"), zip);
    }

    /** What writeNpz writes, np.load reads: the same header layout, padded to 64 bytes, and the values back. */
    @Test
    void writtenArraysReadBack(@TempDir Path folder) throws Exception {
        Map<String, NumPyArrays.Array> arrays = new LinkedHashMap<>();
        arrays.put("codes", new NumPyArrays.Array(new long[] {2, 3}, "<f4", new float[] {1, -2, 3.5f, 0, 1e-7f, 42}));
        arrays.put("labels", new NumPyArrays.Array(new long[] {2}, "<f4", new float[] {7, 3}));
        Path file = folder.resolve("run.npz");
        NumPyArrays.writeNpz(file, arrays);
        Map<String, NumPyArrays.Array> back = NumPyArrays.readNpz(file);
        assertEquals(arrays.keySet(), back.keySet());
        assertArrayEquals(new long[] {2, 3}, back.get("codes").shape());
        assertArrayEquals(arrays.get("codes").values(), back.get("codes").values());
        assertArrayEquals(new long[] {2}, back.get("labels").shape());
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            byte[] bytes = zip.getInputStream(zip.getEntry("labels.npy")).readAllBytes();
            assertArrayEquals(npy("<f4", false, "(2,)", floats(7, 3)), bytes, "byte for byte what np.save writes");
        }
    }
}
