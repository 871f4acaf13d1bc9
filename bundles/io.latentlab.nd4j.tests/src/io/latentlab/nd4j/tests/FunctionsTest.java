package io.latentlab.nd4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.UnaryOperator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.nd4j.Functions;
import io.latentlab.nd4j.Nd4jRuntime;

/** The element-wise helpers against double-precision reference values (Python's math.erfc, log1p), in both tails. */
class FunctionsTest {

    private static final double[] X = {-30, -6, -2, -0.5, 0, 0.5, 1, 2, 6, 30, 100};

    private static final double[] ERF = {-1.0, -1.0, -0.9953222650189527, -0.5204998778130465, 0.0, 0.5204998778130465,
        0.8427007929497149, 0.9953222650189527, 1.0, 1.0, 1.0};
    private static final double[] NORMAL_CDF = {4.906713927148764e-198, 9.865876450377012e-10, 0.02275013194817922,
        0.3085375387259869, 0.5, 0.6914624612740131, 0.8413447460685429, 0.9772498680518208, 0.9999999990134123, 1.0, 1.0};
    private static final double[] GELU = {-1.4720141781446293e-196, -5.919525870226207e-09, -0.04550026389635844,
        -0.15426876936299344, 0.0, 0.34573123063700656, 0.8413447460685429, 1.9544997361036416, 5.999999994080474, 30.0,
        100.0};
    private static final double[] SOFTPLUS = {9.357622968839737e-14, 0.0024756851377304495, 0.1269280110429725,
        0.4740769841801067, 0.6931471805599453, 0.9740769841801067, 1.3132616875182228, 2.1269280110429727,
        6.00247568513773, 30.000000000000092, 100.0};
    private static final double[] LOG_SIGMOID = {-30.000000000000092, -6.00247568513773, -2.1269280110429727,
        -0.9740769841801067, -0.6931471805599453, -0.4740769841801067, -0.31326168751822286, -0.1269280110429725,
        -0.0024756851377304495, -9.357622968839737e-14, -3.720075976020836e-44};

    enum Precision {
        FLOAT(DataType.FLOAT, 5e-6), // libnd4j's float erfc is good to ~2e-6 relative in the tail
        DOUBLE(DataType.DOUBLE, 1e-12);

        final DataType type;
        final double relative;

        Precision(DataType type, double relative) {
            this.type = type;
            this.relative = relative;
        }
    }

    private static void check(String name, UnaryOperator<INDArray> function, double[] expected, Precision precision) {
        Nd4jRuntime.initialize();
        INDArray x = Nd4j.createFromArray(X).castTo(precision.type);
        INDArray y = function.apply(x);
        assertEquals(precision.type, y.dataType(), name);
        for (int i = 0; i < X.length; i++) {
            // relative to the value, with a floor at the type's smallest normal number (a tail value like
            // 9.9e-10 is checked to its own digits, not to 1e-7 absolute)
            double tolerance = precision.relative * Math.max(Math.abs(expected[i]),
                    precision.type == DataType.FLOAT ? Float.MIN_NORMAL : Double.MIN_NORMAL);
            assertEquals(expected[i], y.getDouble(i), tolerance, name + "(" + X[i] + ") in " + precision);
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void erfNormalCdfAndExactGeluMatchTheReferenceInBothTails(Precision precision) {
        check("erf", Functions::erf, ERF, precision);
        check("normalCdf", Functions::normalCdf, NORMAL_CDF, precision);
        check("gelu", Functions::gelu, GELU, precision);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void softplusAndLogSigmoidNeitherOverflowNorRoundAway(Precision precision) {
        check("softplus", Functions::softplus, SOFTPLUS, precision);
        double[] logSigmoid = LOG_SIGMOID.clone();
        if (precision == Precision.FLOAT) {
            logSigmoid[logSigmoid.length - 1] = -0.0; // -3.7e-44 is below float's normal range
        }
        check("logSigmoid", Functions::logSigmoid, logSigmoid, precision);
    }
}
