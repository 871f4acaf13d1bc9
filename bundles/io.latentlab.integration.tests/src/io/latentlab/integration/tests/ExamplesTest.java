package io.latentlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.engine.ModelStep;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.studies.ModelBenchmark;

/** Every experiment in examples/, benchmarks/models/ and benchmarks/speed/ is valid and builds its model for MNIST, so that it runs as is. */
class ExamplesTest {

    static Path examples() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isDirectory(directory.resolve("examples")) && Files.isRegularFile(directory.resolve("pom.xml"))
                    && Files.isDirectory(directory.resolve("bundles"))) {
                return directory.resolve("examples");
            }
        }
        throw new AssertionError("no examples/ folder above " + Path.of("").toAbsolutePath());
    }

    @Test
    void theModelBenchmarkPlanNamesExistingExperimentsAndTargets() throws Exception {
        List<ModelBenchmark.Row> rows = ModelBenchmark.read(
                examples().resolveSibling("benchmarks").resolve("models").resolve("plan.yaml"));
        assertTrue(rows.size() >= 15);
        assertTrue(rows.stream().anyMatch(row -> "inception_score".equals(row.analysis()) && row.target() == 6.0));
    }

    @Test
    void everyExampleIsValidAndBuildsItsModel() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(examples(), examples().resolveSibling("benchmarks").resolve("models"),
                examples().resolveSibling("benchmarks").resolve("speed"))) {
            try (Stream<Path> listing = Files.list(folder)) {
                files.addAll(listing.filter(p -> p.toString().endsWith(".experiment.yaml")).sorted().toList());
            }
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            CheckedExperiment checked = new ExperimentReader(Fixtures.REGISTRY).read(file);
            ModelSetup setup = new ModelSetup(checked.modelParameters(), checked.experiment().stacks(), Shape.of(1, 28, 28),
                    10, Fixtures.REGISTRY, DataType.FLOAT, 1, 100);
            Model model = checked.model().create(setup);
            // the engine finds an optimizer (and schedule) for every network the model trains
            assertNotNull(new ModelStep(model, checked.optimizers(), Fixtures.REGISTRY, 0, 0, 100), file.toString());
        }
    }

    /** The product ships every example (the runtime feature lists them as root files one by one). */
    @Test
    void everyExampleIsShippedWithTheProduct() throws Exception {
        String rootFiles = Files.readString(examples().resolveSibling("features").resolve("io.latentlab.runtime.feature")
                .resolve("build.properties"));
        try (Stream<Path> listing = Files.list(examples())) {
            for (Path example : listing.filter(p -> p.toString().endsWith(".experiment.yaml")).toList()) {
                assertTrue(rootFiles.contains("file:../../examples/" + example.getFileName()),
                        example.getFileName() + " is not in features/io.latentlab.runtime.feature/build.properties");
            }
        }
    }
}
