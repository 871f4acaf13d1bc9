package io.latentlab.nd4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import io.latentlab.nd4j.Nd4jRuntime;
import io.latentlab.nd4j.Reductions;

/** BLAS sums give the worked answers, on whole arrays, views and arrays BLAS cannot take. */
class ReductionsTest {

    @BeforeAll
    static void backend() {
        Nd4jRuntime.initialize();
    }

    @Test
    void workedExamplesInFloatAndDouble() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray a = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}}).castTo(type);
            INDArray b = Nd4j.createFromArray(new double[][] {{1, 0, -1}, {0.5, 2, 0}}).castTo(type);
            assertEquals(91, Reductions.sumOfSquares(a), 1e-6, type.toString());
            assertEquals(1 - 3 + 2 + 10, Reductions.dot(a, b), 1e-6, type.toString());
        }
    }

    @Test
    void viewsAndArraysBlasCannotTakeGiveTheSameSums() {
        INDArray matrix = Nd4j.linspace(1, 12, 12, DataType.FLOAT).reshape(3, 4);
        // rows 1..2: a contiguous view with an offset
        INDArray rows = matrix.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
        assertEquals(25 + 36 + 49 + 64 + 81 + 100 + 121 + 144, Reductions.sumOfSquares(rows), 1e-4);
        // column 1 (2, 6, 10): strided, read through ND4J
        INDArray column = matrix.get(NDArrayIndex.all(), NDArrayIndex.point(1));
        assertEquals(4 + 36 + 100, Reductions.sumOfSquares(column), 1e-4);
        INDArray integers = Nd4j.createFromArray(1, 2, 3);
        assertEquals(14, Reductions.sumOfSquares(integers), 0);
        assertEquals(1 * 2 + 2 * 6 + 3 * 10, Reductions.dot(integers, column.castTo(DataType.INT)), 0);
        assertEquals(0, Reductions.dot(Nd4j.create(DataType.FLOAT, 0), Nd4j.create(DataType.FLOAT, 0)), 0);
    }

    @Test
    void aNanOrInfinityMakesTheSumNonFinite() {
        INDArray values = Nd4j.createFromArray(1f, 2f, Float.NaN, 4f);
        assertTrue(Double.isNaN(Reductions.sumOfSquares(values)));
        values.putScalar(2, Float.POSITIVE_INFINITY);
        assertEquals(Double.POSITIVE_INFINITY, Reductions.sumOfSquares(values));
    }

    @Test
    void arraysOfDifferentLengthsAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Reductions.dot(Nd4j.ones(3), Nd4j.ones(4)));
        assertEquals("dot of arrays of 3 and 4 values", error.getMessage());
    }
}
