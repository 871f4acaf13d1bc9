package io.latentlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentProblem;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.experiments.InvalidExperimentException;
import io.latentlab.runs.ExperimentRunner;

/** Experiment files: every problem reported at once, at its line and column, with the field and a suggestion. */
class ExperimentValidationTest {

    private static List<ExperimentProblem> problems(String text) {
        InvalidExperimentException e = assertThrows(InvalidExperimentException.class,
                () -> new ExperimentReader(Fixtures.REGISTRY).check(Path.of("bad.experiment.yaml"), text));
        return e.problems();
    }

    private static String render(List<ExperimentProblem> problems) {
        return problems.stream().map(ExperimentProblem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void theSmallExperimentIsValidAndDefaultsAreFilledIn() throws Exception {
        CheckedExperiment checked = new ExperimentReader(Fixtures.REGISTRY).check(Path.of("small.experiment.yaml"),
                Fixtures.SMALL);
        assertEquals("small-ae", checked.experiment().name());
        assertEquals(0.9, checked.optimizers().get("default").parameters().getDouble("beta_1"));
        assertEquals("bce", checked.modelParameters().getString("loss"));
        assertEquals(2, checked.experiment().stacks().get("encoder").size());
    }

    @Test
    void everyProblemIsReportedWithItsPositionFieldAndSuggestion() {
        String text = """
                name: broken
                seeed: 3
                dataset:
                  id: mnist
                  train_limt: 100
                model:
                  id: autoencoder
                  encoder:
                    - desne: {units: 64}
                    - dense: {units: -4, activation: rleu}
                  decoder:
                    - dense: {units: 784}
                optimizer:
                  id: adma
                training:
                  batch_size: 0
                """;
        List<ExperimentProblem> problems = problems(text);
        String all = render(problems);
        assertTrue(all.contains("bad.experiment.yaml:2:1: seeed: unknown field 'seeed'; did you mean 'seed'?"), all);
        assertTrue(all.contains("bad.experiment.yaml:5:3: dataset.train_limt: mnist: unknown parameter 'train_limt'; did you"
                + " mean 'train_limit'?"), all);
        assertTrue(all.contains("bad.experiment.yaml:9:7: model.encoder[0].desne: unknown layer 'desne'; did you mean 'dense'?"),
                all);
        assertTrue(all.contains("bad.experiment.yaml:10:22: model.encoder[1].dense.units: layer 'encoder2' (dense): 'units'"
                + " must be an integer in [1, 16777216], not -4"), all);
        assertTrue(all.contains("model.encoder[1].dense.activation: unknown activation 'rleu'; did you mean 'relu'?"), all);
        assertTrue(all.contains("bad.experiment.yaml:14:7: optimizer.id: unknown optimizer 'adma'; did you mean 'adam'?"
                + " Installed: adam, rmsprop, sgd"), all);
        assertTrue(all.contains("training: 'epochs' is missing"), all);
        assertTrue(all.contains("bad.experiment.yaml:16:15: training.batch_size: 'batch_size' must be a positive integer"), all);
        assertEquals(8, problems.size(), all);
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() {
        List<ExperimentProblem> problems = problems("name: x\nmodel: {id: autoencoder\ntraining: {epochs: 1}\n");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).line() >= 2 && problems.get(0).message().startsWith("YAML syntax"), render(problems));
    }

    @Test
    void aShapeMismatchIsReportedAtTheLayerBeforeTraining(@TempDir Path runs) throws Exception {
        String text = Fixtures.SMALL.replace("- dense: {units: 16, activation: relu}",
                "- conv2d: {filters: 4, activation: relu}");
        CheckedExperiment checked = new ExperimentReader(Fixtures.REGISTRY).check(Path.of("shapes.experiment.yaml"), text);
        InvalidExperimentException e = assertThrows(InvalidExperimentException.class,
                () -> new ExperimentRunner(Fixtures.REGISTRY).run(checked, runs, (line, end) -> { }));
        String all = render(e.problems());
        assertTrue(all.contains("shapes.experiment.yaml:11:7: model.encoder[1]: layer 'encoder2' (conv2d): expected an image"
                + " [channels, height, width], received [64]"), all);
        assertEquals(0, Files.list(runs).count(), "no run directory for an experiment that cannot start");
    }
}
