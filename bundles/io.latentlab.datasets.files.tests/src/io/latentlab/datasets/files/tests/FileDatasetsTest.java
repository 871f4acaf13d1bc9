package io.latentlab.datasets.files.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.core.Parameters;
import io.latentlab.core.data.Dataset;
import io.latentlab.core.data.DatasetException;
import io.latentlab.datasets.files.CsvDataset;
import io.latentlab.datasets.files.ImageFolderDataset;

/** CSV rows and image folders load with their labels and shapes; a bad row names its line and column. */
class FileDatasetsTest {

    @Test
    void csvRowsLoadWithLabelsAndShape(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("train.csv"), "label,a,b,c,d\n1,0,255,51,102\n0,255,0,0,0\n");
        Files.writeString(folder.resolve("test.csv"), "label,a,b,c,d\n2,0,0,255,255\n");
        CsvDataset csv = new CsvDataset();
        Dataset data = csv.load(Parameters.of(csv.schema(), Map.of("train_file", "train.csv", "test_file", "test.csv",
                "label_column", 0, "header", true, "shape", List.of(1, 2, 2))), folder);
        assertArrayEquals(new long[] {2, 1, 2, 2}, data.trainFeatures().shape());
        assertArrayEquals(new float[] {0, 1, 0.2f, 0.4f}, data.trainFeatures().reshape(2, 4).getRow(0).toFloatVector(), 1e-6f);
        assertEquals(1.0, data.trainLabels().getDouble(0, 0));
        assertEquals(3, data.classes());
    }

    @Test
    void aBadCsvCellNamesTheFileLineAndColumn(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("rows.csv"), "1,2,3\n4,x,6\n");
        CsvDataset csv = new CsvDataset();
        DatasetException e = assertThrows(DatasetException.class, () -> csv.load(Parameters.of(csv.schema(),
                Map.of("train_file", "rows.csv", "test_file", "rows.csv")), folder));
        assertTrue(e.getMessage().endsWith("rows.csv:2: column 2 is not a number: 'x'"), e.getMessage());
    }

    @Test
    void anImageFolderLoadsResizedGreyImagesWithSortedLabels(@TempDir Path folder) throws Exception {
        for (String split : new String[] {"train", "test"}) {
            for (String label : new String[] {"cats", "dogs"}) {
                Path directory = Files.createDirectories(folder.resolve("pictures").resolve(split).resolve(label));
                BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
                int grey = label.equals("cats") ? 0x000000 : 0xffffff;
                for (int x = 0; x < 8; x++) {
                    for (int y = 0; y < 6; y++) {
                        image.setRGB(x, y, grey);
                    }
                }
                ImageIO.write(image, "png", directory.resolve("one.png").toFile());
            }
        }
        ImageFolderDataset images = new ImageFolderDataset();
        Dataset data = images.load(Parameters.of(images.schema(), Map.of("directory", "pictures", "width", 4, "height", 3)),
                folder);
        assertArrayEquals(new long[] {2, 1, 3, 4}, data.trainFeatures().shape());
        assertEquals(0.0, data.trainFeatures().getDouble(0, 0, 1, 1), 1e-6, "cats are black");
        assertEquals(1.0, data.trainFeatures().getDouble(1, 0, 1, 1), 1e-2, "dogs are white");
        assertEquals(1.0, data.trainLabels().getDouble(1, 0), "labels follow the sorted folder names");
        assertEquals(2, data.classes());
    }

    @Test
    void nonFiniteCellsAndLabelsThatAreNotClassesAreRefusedAtTheirCell(@TempDir Path folder) throws Exception {
        CsvDataset csv = new CsvDataset();
        for (String[] bad : new String[][] {{"1,2,3\n4,NaN,6\n", "rows.csv:2:2: 'NaN' is not a finite number"},
            {"1,2,3\n4,1e39,6\n", "rows.csv:2:2: '1e39' is not a finite number"},
            {"0,2,3\n-1,5,6\n", "rows.csv:2:1: the label '-1' is not a class number"},
            {"0,2,3\n1.5,5,6\n", "rows.csv:2:1: the label '1.5' is not a class number"}}) {
            Files.writeString(folder.resolve("rows.csv"), bad[0]);
            DatasetException e = assertThrows(DatasetException.class, () -> csv.load(Parameters.of(csv.schema(),
                    Map.of("train_file", "rows.csv", "test_file", "rows.csv", "label_column", 0)), folder));
            assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
        }
    }

    @Test
    void anImageTooLargeToDecodeIsRefusedFromItsHeader(@TempDir Path folder) throws Exception {
        // a PNG whose header says 40000x40000: refused before any pixel is decoded
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer header = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(40_000)
                .putInt(40_000).put(new byte[] {8, 0, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(header.array());
        png.write(ByteBuffer.allocate(4).putInt(13).array());
        png.write(header.array());
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        for (String split : new String[] {"train", "test"}) {
            Path directory = Files.createDirectories(folder.resolve("pictures").resolve(split).resolve("huge"));
            Files.write(directory.resolve("big.png"), png.toByteArray());
        }
        ImageFolderDataset images = new ImageFolderDataset();
        DatasetException e = assertThrows(DatasetException.class, () -> images.load(Parameters.of(images.schema(),
                Map.of("directory", "pictures", "width", 4, "height", 3)), folder));
        assertTrue(e.getMessage().endsWith("big.png: 40000x40000 pixels is larger than the 64 megapixels an image may have"
                + " here; scale it down first"), e.getMessage());
    }
}
