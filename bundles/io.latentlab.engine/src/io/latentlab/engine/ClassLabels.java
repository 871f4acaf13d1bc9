package io.latentlab.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Class labels as data sets give them (one class index per example) and as losses want them. */
public final class ClassLabels {

    private ClassLabels() {
    }

    /**
     * @param labels class indices, [n] or [n, 1]
     * @param classes the number of classes
     * @param dataType the type of the result
     * @return [n, classes] with a single 1 per row
     * @throws IllegalArgumentException naming the first label outside [0, classes)
     */
    public static INDArray oneHot(INDArray labels, int classes, DataType dataType) {
        long count = labels.size(0);
        INDArray flat = labels.reshape(count);
        INDArray result = Nd4j.zeros(dataType, count, classes);
        for (long i = 0; i < count; i++) {
            long label = flat.getLong(i);
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " of example " + i + " is not a class index in [0, "
                        + classes + ")");
            }
            result.putScalar(i, label, 1.0);
        }
        return result;
    }

    /**
     * @param scores [n, classes], any monotone score (logits or probabilities)
     * @param labels class indices, [n] or [n, 1]
     * @return how many rows have their largest score at the label
     */
    public static long correct(INDArray scores, INDArray labels) {
        INDArray predicted = scores.argMax(1).reshape(scores.size(0)).castTo(DataType.LONG);
        return predicted.eq(labels.reshape(scores.size(0)).castTo(DataType.LONG)).castTo(DataType.INT)
                .sumNumber().longValue();
    }
}
