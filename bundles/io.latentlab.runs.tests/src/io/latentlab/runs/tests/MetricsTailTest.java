package io.latentlab.runs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.runs.MetricsTail;
import io.latentlab.runs.RunDirectory;

/** Following a growing metrics file: only new complete lines, damaged lines skipped. */
class MetricsTailTest {

    @Test
    void returnsOnlyNewCompleteLines(@TempDir Path run) throws Exception {
        Path file = run.resolve(RunDirectory.METRICS);
        MetricsTail tail = new MetricsTail(run);
        assertEquals(List.of(), tail.next(), "no file yet");
        Files.writeString(file, "step,epoch,name,value\n1,1,train_loss,0.5\n2,1,train_lo");
        assertEquals(List.of(new MetricsTail.Point(1, 1, "train_loss", 0.5)), tail.next());
        Files.writeString(file, "ss,0.25\nbroken line\n3,1,test_bce,0.125\n", StandardOpenOption.APPEND);
        assertEquals(List.of(new MetricsTail.Point(2, 1, "train_loss", 0.25), new MetricsTail.Point(3, 1, "test_bce", 0.125)),
                tail.next());
        assertEquals(List.of(), tail.next());
    }
}
