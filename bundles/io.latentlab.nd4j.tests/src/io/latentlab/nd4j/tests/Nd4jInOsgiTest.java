package io.latentlab.nd4j.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.latentlab.nd4j.BackendInfo;
import io.latentlab.nd4j.Nd4jRuntime;

/** ND4J's native backend loads and computes correct numbers inside Equinox. */
class Nd4jInOsgiTest {

    @BeforeAll
    static void loadBackendFromAThreadWithoutBundleContextLoader() throws Exception {
        // The hard case: a thread whose context class loader cannot see the ND4J bundle.
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                Nd4jRuntime.initialize();
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        thread.start();
        thread.join();
        if (failure[0] != null) {
            throw new AssertionError("backend did not load", failure[0]);
        }
    }

    @Test
    void runsInsideOsgiWithTheCpuBackend() {
        Bundle bundle = FrameworkUtil.getBundle(Nd4j.class);
        assertNotNull(bundle, "Nd4j must be loaded by an OSGi bundle, not the class path");
        assertEquals("io.latentlab.nd4j", bundle.getSymbolicName());
        BackendInfo info = Nd4jRuntime.initialize();
        assertEquals("CpuBackend", info.backend());
        assertEquals("OPENBLAS", info.blasVendor());
        assertTrue(info.nativeVariant().startsWith("linux-x86_64"), info.nativeVariant());
        assertTrue(info.ompThreads() >= 1);
    }

    @Test
    void theOneDnnBuildIsChosenOnCpusWithAvx2() throws Exception {
        String flags = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("flags")).findFirst().orElse("");
        boolean avx2 = flags.matches(".*\\bavx2\\b.*") && flags.matches(".*\\bfma\\b.*");
        assertEquals(avx2 ? "linux-x86_64-onednn-avx2" : "linux-x86_64", Nd4jRuntime.initialize().nativeVariant());
    }

    @Test
    void matrixProductMatchesHandComputedValues() {
        INDArray a = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
        INDArray b = Nd4j.createFromArray(new float[][] {{7, 8}, {9, 10}, {11, 12}});
        INDArray c = a.mmul(b);
        // [1*7+2*9+3*11, 1*8+2*10+3*12; 4*7+5*9+6*11, 4*8+5*10+6*12]
        assertArrayEquals(new long[] {2, 2}, c.shape());
        assertArrayEquals(new float[] {58, 64, 139, 154}, c.data().asFloat(), 0f);
    }

    @Test
    void largeMatrixProductAgreesWithAJavaLoop() {
        int n = 64;
        INDArray a = Nd4j.rand(DataType.DOUBLE, n, n);
        INDArray b = Nd4j.rand(DataType.DOUBLE, n, n);
        INDArray c = a.mmul(b);
        double[][] x = a.toDoubleMatrix();
        double[][] y = b.toDoubleMatrix();
        for (int i = 0; i < n; i += 7) {
            for (int j = 0; j < n; j += 5) {
                double expected = 0;
                for (int k = 0; k < n; k++) {
                    expected += x[i][k] * y[k][j];
                }
                assertEquals(expected, c.getDouble(i, j), 1e-9);
            }
        }
    }

    @Test
    void conv2dCustomOpCrossCorrelatesWithBias() {
        // libnd4j's conv2d is a cross-correlation (the kernel is not flipped).
        INDArray input = Nd4j.linspace(DataType.FLOAT, 1, 16, 1).reshape(1, 1, 4, 4); // NCHW
        INDArray kernel = Nd4j.createFromArray(new float[][] {{1, 1, 1}, {2, 0, 1}, {-1, -1, 0}})
                .reshape(3, 3, 1, 1); // [kH, kW, iC, oC], weight format 0
        INDArray bias = Nd4j.createFromArray(new float[] {3f});
        INDArray output = Nd4j.create(DataType.FLOAT, 1, 1, 2, 2);
        DynamicCustomOp conv = DynamicCustomOp.builder("conv2d")
                .addInputs(input, kernel, bias)
                .addOutputs(output)
                // kH, kW, sH, sW, pH, pW, dH, dW, same-mode, data format NCHW(0), weight format
                .addIntegerArguments(3, 3, 1, 1, 0, 0, 1, 1, 0, 0, 0)
                .build();
        Nd4j.exec(conv);
        assertArrayEquals(new float[] {7, 11, 23, 27}, output.data().asFloat(), 0f);
    }
}
