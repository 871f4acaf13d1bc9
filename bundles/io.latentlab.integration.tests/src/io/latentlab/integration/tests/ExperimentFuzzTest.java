package io.latentlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.experiments.ExperimentProblem;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.experiments.InvalidExperimentException;
import io.latentlab.runs.RunCommands;

/**
 * Malformed experiments made by mutating the shipped examples, each in a way that cannot leave it
 * valid: a key misspelt, a value made unparsable, a key repeated, a tab in the indentation, a
 * byte that is not UTF-8, the file cut in the middle of a flow mapping. Every one must be refused
 * the way the CLI refuses it (an {@link InvalidExperimentException}: exit 2) with a located
 * message — never another exception, never accepted.
 */
class ExperimentFuzzTest {

    private static final Pattern KEY = Pattern.compile("^(\\s*(?:-\\s+)?)([A-Za-z_][A-Za-z0-9_]*)(:)(.*)$");

    private record Mutant(String name, byte[] bytes) {
    }

    private static List<Mutant> mutants(Path example) throws Exception {
        String text = Files.readString(example, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        List<Mutant> mutants = new ArrayList<>();
        String base = example.getFileName().toString().replace(".experiment.yaml", "");
        for (int i = 0; i < lines.length; i++) {
            Matcher key = KEY.matcher(lines[i]);
            if (!key.matches()) {
                continue;
            }
            String indent = key.group(1);
            String rest = key.group(4);
            // a misspelt key: unknown field, parameter, layer or id
            mutants.add(mutant(base + "-misspelt-" + i, lines, i, indent + key.group(2) + "qz:" + rest));
            // an unparsable value
            mutants.add(mutant(base + "-unparsable-" + i, lines, i, indent + key.group(2) + ": [oops" + rest));
            // a tab before the key
            mutants.add(mutant(base + "-tab-" + i, lines, i, "\t" + lines[i]));
            if (!indent.contains("-") && !rest.isBlank()) {
                // the same key twice in one mapping
                mutants.add(mutant(base + "-repeated-" + i, lines, i, lines[i] + "\n" + lines[i]));
            }
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = new byte[bytes.length + 1];
        int cut = text.indexOf("name:") + 6;
        System.arraycopy(bytes, 0, latin1, 0, cut);
        latin1[cut] = (byte) 0xE9;
        System.arraycopy(bytes, cut, latin1, cut + 1, bytes.length - cut);
        mutants.add(new Mutant(base + "-latin1", latin1));
        int brace = text.indexOf('{');
        if (brace > 0) {
            mutants.add(new Mutant(base + "-cut", text.substring(0, brace + 3).getBytes(StandardCharsets.UTF_8)));
        }
        return mutants;
    }

    private static Mutant mutant(String name, String[] lines, int index, String replacement) {
        String[] copy = lines.clone();
        copy[index] = replacement;
        return new Mutant(name, String.join("\n", copy).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void atLeast200MalformedExperimentsAreEachRefusedWithALocatedMessage(@TempDir Path folder) throws Exception {
        List<Path> examples;
        try (Stream<Path> listing = Files.list(ExamplesTest.examples())) {
            examples = listing.filter(p -> p.toString().endsWith(".experiment.yaml")).sorted().toList();
        }
        int count = 0;
        for (Path example : examples) {
            for (Mutant mutant : mutants(example)) {
                Path file = folder.resolve(mutant.name() + ".experiment.yaml");
                Files.write(file, mutant.bytes());
                InvalidExperimentException e = assertThrows(InvalidExperimentException.class,
                        () -> RunCommands.read(Fixtures.REGISTRY, file), mutant.name() + " was accepted");
                assertFalse(e.problems().isEmpty(), mutant.name());
                for (ExperimentProblem problem : e.problems()) {
                    assertTrue(problem.file().equals(file.toString()) && problem.line() >= 1 && problem.column() >= 1
                            && !problem.message().isBlank(), mutant.name() + ": " + problem);
                    assertFalse(problem.message().contains("Exception") || problem.message().contains("\tat "),
                            mutant.name() + ": " + problem);
                }
                count++;
            }
        }
        assertTrue(count >= 200, count + " mutants");
        try (Stream<Path> left = Files.list(folder)) {
            assertTrue(left.allMatch(p -> p.toString().endsWith(".experiment.yaml")), "nothing written beside them");
        }
    }
}
