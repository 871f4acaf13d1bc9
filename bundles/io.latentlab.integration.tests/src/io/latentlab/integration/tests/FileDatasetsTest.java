package io.latentlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.datasets.files.CsvDataset;
import io.latentlab.datasets.files.ImageFolderDataset;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.layers.core.Dense;
import io.latentlab.layers.core.Flatten;
import io.latentlab.layers.core.Reshape;
import io.latentlab.layers.core.activation.Relu;
import io.latentlab.layers.core.activation.Sigmoid;
import io.latentlab.layers.core.loss.BinaryCrossEntropy;
import io.latentlab.models.ae.Autoencoder;
import io.latentlab.optimizers.core.Adam;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunDirectory;

/** CSV rows and image folders load with their labels and shapes; a bad row names its line and column. */
class FileDatasetsTest {

    /** `color: rgb` trains end to end, and the sample grid shows the colours (red stays red). */
    @Test
    void anRgbImageFolderTrainsAndItsSampleGridIsInColour(@TempDir Path folder) throws Exception {
        for (String split : new String[] {"train", "test"}) {
            for (String label : new String[] {"red", "blue"}) {
                Path directory = Files.createDirectories(folder.resolve("pictures").resolve(split).resolve(label));
                for (int n = 0; n < 12; n++) {
                    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                    for (int x = 0; x < 8; x++) {
                        for (int y = 0; y < 8; y++) {
                            image.setRGB(x, y, label.equals("red") ? 0xff0000 : 0x0000ff);
                        }
                    }
                    ImageIO.write(image, "png", directory.resolve(n + ".png").toFile());
                }
            }
        }
        Path file = folder.resolve("rgb.experiment.yaml");
        Files.writeString(file, """
                name: rgb
                dataset: {id: image_folder, directory: pictures, width: 8, height: 8, color: rgb}
                model:
                  id: autoencoder
                  encoder:
                    - dense: {units: 8, activation: relu}
                  decoder:
                    - dense: {units: 192, activation: sigmoid}
                optimizer: {id: adam, learning_rate: 0.01}
                training: {epochs: 30, batch_size: 8}
                """);
        ContributionRegistry registry = ContributionRegistry.of(new ImageFolderDataset(), new Dense(),
                new Flatten(), new Reshape(),
                new Relu(), new Sigmoid(),
                new BinaryCrossEntropy(), new Adam(),
                new Autoencoder());
        Path run = new ExperimentRunner(registry).run(new ExperimentReader(registry).read(file), folder.resolve("runs"),
                (line, end) -> { });
        assertTrue(Files.readString(run.resolve("status")).startsWith("completed"));
        BufferedImage grid = ImageIO.read(run.resolve("samples/epoch-030.png").toFile());
        // the first band holds the inputs (sorted labels: blue first), the second the reconstructions
        int input = grid.getRGB(2 + 4, 2 + 4);
        int output = grid.getRGB(2 + 4, 2 + 10 + 4);
        assertEquals(0x0000ff, input & 0xffffff, "the input shown blue");
        assertTrue((output & 0xff) > 0xb0 && ((output >> 16) & 0xff) < 0x50, "the reconstruction blue too: "
                + Integer.toHexString(output));
    }

    /** A run trained from an experiment with a relative data path is evaluated later from anywhere. */
    @Test
    void aRunOfAnExperimentWithRelativePathsLoadsFromItsSnapshot(@TempDir Path folder) throws Exception {
        Path experiments = Files.createDirectories(folder.resolve("experiments"));
        StringBuilder rows = new StringBuilder("label,a,b,c,d\n");
        for (int i = 0; i < 40; i++) {
            rows.append(i % 2).append(i % 2 == 0 ? ",255,0,255,0\n" : ",0,255,0,255\n");
        }
        Files.writeString(experiments.resolve("rows.csv"), rows.toString());
        Path file = experiments.resolve("csv-ae.experiment.yaml");
        Files.writeString(file, """
                name: csv-ae
                dataset:
                  id: csv
                  train_file: rows.csv
                  test_file: rows.csv
                  header: true
                  label_column: 0
                model:
                  id: autoencoder
                  encoder:
                    - dense: {units: 2, activation: relu}
                  decoder:
                    - dense: {units: 4, activation: sigmoid}
                optimizer:
                  id: adam
                training:
                  epochs: 1
                  batch_size: 8
                """);
        ContributionRegistry registry = ContributionRegistry.of(new CsvDataset(), new Dense(),
                new Relu(), new Sigmoid(),
                new BinaryCrossEntropy(), new Adam(),
                new Autoencoder());
        Path run = new ExperimentRunner(registry).run(new ExperimentReader(registry).read(file), folder.resolve("runs"),
                (line, end) -> { });
        ExperimentRunner.LoadedRun loaded = new ExperimentRunner(registry).load(run, RunDirectory.experiment(new ExperimentReader(registry), run));
        assertEquals(40, loaded.dataset().testFeatures().size(0));
    }
}
