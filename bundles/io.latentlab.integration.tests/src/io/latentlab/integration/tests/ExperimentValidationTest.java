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
        assertTrue(all.contains("bad.experiment.yaml:16:15: training.batch_size: 'batch_size' must be a whole number from 1"
                + " to 16,777,216, not '0'"), all);
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

    @Test
    void duplicateKeysAndIntegersBeyondTheirRangeAreErrorsAtTheirLines() {
        String all = render(problems(Fixtures.SMALL.replace("name: small-ae", "name: small-ae\nseed: 1")));
        assertEquals("bad.experiment.yaml:3:1: seed: 'seed' appears twice in the file (first at line 2); keep one", all);
        all = render(problems(Fixtures.SMALL.replaceAll("epochs: \\d+", "epochs: 4294967297")));
        assertTrue(all.contains("training.epochs: 'epochs' must be a whole number from 1 to 1,000,000,000, not"
                + " '4294967297'"), all);
    }

    @Test
    void aDocumentThatExpandsThroughAliasesIsRefusedAtOnce() {
        // 20 aliases (the most allowed) doubling a list of 200 values ten times: 204,800 values
        StringBuilder text = new StringBuilder("a0: &a0 [").append("x, ".repeat(199)).append("x]\n");
        for (int i = 1; i <= 10; i++) {
            text.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1)
                    .append("]\n");
        }
        long start = System.nanoTime();
        List<ExperimentProblem> problems = problems(text.toString());
        assertTrue(problems.get(0).message().startsWith("the document expands to more than 100000 values"), render(problems));
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "refused during the expansion, not after it");
        problems = problems(text.toString().replace("a10: &a10 [*a9, *a9]", "a10: &a10 [*a9, *a9, *a9]"));
        assertTrue(problems.get(0).message().contains("aliases"), render(problems));
    }

    @Test
    void binaryAndNonUtf8FilesGetAPlainMessageWithTheirPosition(@TempDir Path folder) throws Exception {
        Path binary = folder.resolve("binary.experiment.yaml");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
        InvalidExperimentException e = assertThrows(InvalidExperimentException.class,
                () -> new ExperimentReader(Fixtures.REGISTRY).read(binary));
        assertEquals(binary + ":1:8: a binary file, not an experiment (YAML text)", render(e.problems()));
        Path latin1 = folder.resolve("latin1.experiment.yaml");
        Files.write(latin1, "seed: 1\nname: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        e = assertThrows(InvalidExperimentException.class, () -> new ExperimentReader(Fixtures.REGISTRY).read(latin1));
        assertEquals(latin1 + ":2:10: not UTF-8 text: byte 0xE9 cannot be read; save the file as UTF-8", render(e.problems()));
    }

    @Test
    void aNetworkTooLargeForMemoryIsRefusedAtItsLayerBeforeAnyAllocation(@TempDir Path runs) throws Exception {
        // 2^24 by 2^24 weights: more than any machine holds, so that the test never allocates them
        String text = Fixtures.SMALL.replace("- dense: {units: 16, activation: relu}",
                "- dense: {units: 16777216, activation: relu}").replace("- dense: {units: 64, activation: relu, initializer:"
                        + " he_normal}", "- dense: {units: 16777216, activation: relu, initializer: he_normal}");
        CheckedExperiment checked = new ExperimentReader(Fixtures.REGISTRY).check(Path.of("huge.experiment.yaml"), text);
        InvalidExperimentException e = assertThrows(InvalidExperimentException.class,
                () -> new ExperimentRunner(Fixtures.REGISTRY).run(checked, runs, (line, end) -> { }));
        String all = render(e.problems());
        assertTrue(all.contains("huge.experiment.yaml:11:7: model.encoder[1]: "), all);
        assertTrue(all.contains("parameters need about ") && all.contains("are available to arrays; layer 'encoder2' alone"
                + " holds 281,474,993,487,872 of them: make it smaller"), all);
        assertEquals(0, Files.list(runs).count(), "no run directory for an experiment that cannot start");
    }

    /**
     * A batch whose activations cannot be held is refused at training.batch_size, with the batch
     * that fits, before the first step allocates anything: 1,024 filters on 28x28 images are
     * 802,816 values per example; 8,000 at once would need about 77 GB.
     */
    @Test
    void aBatchTooLargeForMemoryIsRefusedWithTheBatchThatFits(@TempDir Path runs) throws Exception {
        String text = """
                name: wide
                seed: 1
                dataset: {id: mnist}
                model:
                  id: autoencoder
                  encoder:
                    - conv2d: {filters: 1024, kernel: 3}
                    - conv2d: {filters: 1, kernel: 3, activation: sigmoid}
                  decoder:
                    - conv2d: {filters: 1, kernel: 3, activation: sigmoid}
                optimizer: {id: adam}
                training: {epochs: 1, batch_size: 8000}
                """;
        CheckedExperiment checked = new ExperimentReader(Fixtures.REGISTRY).check(Path.of("wide.experiment.yaml"), text);
        InvalidExperimentException e = assertThrows(InvalidExperimentException.class,
                () -> new ExperimentRunner(Fixtures.REGISTRY).run(checked, runs, (line, end) -> { }));
        String all = render(e.problems());
        assertTrue(all.matches("(?s)wide\\.experiment\\.yaml:12:\\d+: training\\.batch_size: a batch of 8,000 examples"
                + " needs about 7\\d\\.\\d GB .*"), all);
        assertTrue(all.matches("(?s).*GB are available to arrays: a batch of at most [0-9,]+ fits \\(layer 'encoder1' alone"
                + " gives 802,816 values per example\\).*"), all);
        assertEquals(0, Files.list(runs).count(), "no run directory for an experiment that cannot start");
    }
}
