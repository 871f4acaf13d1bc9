package io.latentlab.experiments.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;

/** Every file in examples/ is valid and builds its model for MNIST, so that it runs as is. */
class ExamplesTest {

    private static Path examples() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isDirectory(directory.resolve("examples")) && Files.isRegularFile(directory.resolve("pom.xml"))
                    && Files.isDirectory(directory.resolve("bundles"))) {
                return directory.resolve("examples");
            }
        }
        throw new AssertionError("no examples/ folder above " + Path.of("").toAbsolutePath());
    }

    @Test
    void everyExampleIsValidAndBuildsItsModel() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(examples())) {
            files = listing.filter(p -> p.toString().endsWith(".experiment.yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            CheckedExperiment checked = new ExperimentReader(Fixtures.REGISTRY).read(file);
            ModelSetup setup = new ModelSetup(checked.modelParameters(), checked.experiment().stacks(), checked.optimizers(),
                    Shape.of(1, 28, 28), 10, Fixtures.REGISTRY, DataType.FLOAT, 1, 100);
            assertNotNull(checked.model().create(setup), file.toString());
        }
    }
}
