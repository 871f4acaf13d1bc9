package io.latentlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.models.ae.Autoencoder;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunDirectory;
import io.latentlab.runs.RunFigures;

/** Models' figures through the runner: written every sample epoch, read back; a failing one costs nothing else. */
class ModelFiguresTest {

    private static Path train(ContributionRegistry registry, String text, Path runs) throws Exception {
        CheckedExperiment checked = new ExperimentReader(registry).check(Path.of("figures.experiment.yaml"), text);
        return new ExperimentRunner(registry).run(checked, runs, (line, end) -> { });
    }

    @Test
    void aVqVaeRunKeepsItsCodebookUsageEveryEpoch(@TempDir Path runs) throws Exception {
        Path run = train(Fixtures.REGISTRY, """
                name: vq-figures
                seed: 3
                dataset: {id: mnist, train_limit: 256, test_limit: 128}
                model:
                  id: vqvae
                  codes: 16
                  encoder:
                    - conv2d: {filters: 8, kernel: 3, stride: 2, activation: relu}
                    - conv2d: {filters: 4, kernel: 3, stride: 2}
                  decoder:
                    - conv2d_transpose: {filters: 8, kernel: 3, stride: 2, activation: relu}
                    - conv2d_transpose: {filters: 1, kernel: 3, stride: 2, activation: sigmoid}
                optimizer: {id: adam, learning_rate: 0.002}
                training: {epochs: 2, batch_size: 64}
                """, runs);
        assertEquals(List.of("codebook-usage"), RunFigures.ids(run));
        assertEquals(List.of(1, 2), RunFigures.epochs(run, "codebook-usage"));
        RunFigures.Drawn usage = RunFigures.read(run, "codebook-usage", 2);
        assertEquals("Codebook usage", usage.title());
        assertEquals(16, usage.values().length);
        assertEquals(1.0, Arrays.stream(usage.values()).sum(), 1e-9);
        long used = Arrays.stream(usage.values()).filter(share -> share > 0).count();
        // the figure counts the first 1,000 test examples, here all 128, as the evaluation does
        assertTrue(Files.readString(run.resolve(RunDirectory.SUMMARY)).contains("\"test_codes_used\": " + (double) used),
                "codes used " + used);
    }

    /** A model plugin whose figures throw: the run completes, says so in its log, and keeps its samples. */
    @Test
    void aFigureThatThrowsIsLoggedAndTrainingGoesOn(@TempDir Path runs) throws Exception {
        Autoencoder autoencoder = new Autoencoder();
        ModelFactory broken = new ModelFactory() {
            @Override
            public String id() {
                return "broken_figures";
            }

            @Override
            public String name() {
                return "Autoencoder with broken figures";
            }

            @Override
            public String doc() {
                return "an autoencoder whose figures throw";
            }

            @Override
            public ParameterSchema schema() {
                return autoencoder.schema();
            }

            @Override
            public List<String> stackNames() {
                return autoencoder.stackNames();
            }

            @Override
            public Model create(ModelSetup setup) {
                Model model = autoencoder.create(setup);
                return (Model) Proxy.newProxyInstance(Model.class.getClassLoader(), new Class<?>[] {Model.class},
                        (proxy, method, arguments) -> {
                            if (method.getName().equals("figures")) {
                                throw new IllegalStateException("figure bug");
                            }
                            try {
                                return method.invoke(model, arguments);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
        Path run = train(Fixtures.registryWith(broken), Fixtures.SMALL.replace("id: autoencoder", "id: broken_figures"),
                runs);
        assertTrue(Files.readString(run.resolve(RunDirectory.STATUS)).startsWith("completed"));
        assertTrue(Files.readString(run.resolve("run.log")).contains(
                "figures of model broken_figures failed at epoch 1, left out: java.lang.IllegalStateException: figure bug"));
        assertTrue(Files.exists(run.resolve("samples/epoch-003.png")));
        assertEquals(List.of(), RunFigures.ids(run));
    }
}
