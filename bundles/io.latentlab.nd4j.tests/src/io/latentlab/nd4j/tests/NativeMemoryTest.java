package io.latentlab.nd4j.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.nd4j.Nd4jRuntime;
import io.latentlab.nd4j.NativeMemory;

/** A loop that drops native arrays stays within a bounded resident memory when it calls collectIfGrown. */
class NativeMemoryTest {

    private static final long MB = 1 << 20;

    @Test
    void droppedArraysAreFreedBeforeResidentMemoryGrowsFarBeyondTheThreshold() {
        Nd4jRuntime.initialize();
        System.gc();
        NativeMemory.collectIfGrown();
        long start = Pointer.physicalBytes();
        long peak = start;
        StringBuilder trace = new StringBuilder();
        // 48 arrays of 16 MB, each touched and dropped: 768 MB if nothing were freed; they weigh
        // next to nothing on the Java heap, so no collection would come by itself
        for (int i = 0; i < 48; i++) {
            Nd4j.create(DataType.FLOAT, 4 * MB).assign(1);
            NativeMemory.collectIfGrown();
            peak = Math.max(peak, Pointer.physicalBytes());
            trace.append((Pointer.physicalBytes() - start) / MB).append(' ');
        }
        long growth = (peak - start) / MB;
        assertTrue(growth < NativeMemory.GROWTH_MB + 192, "resident memory grew by " + growth + " MB: " + trace);
    }
}
