package io.latentlab.layers.core.loss;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A loss's working arrays, kept between steps while the batch shape stays the same. */
final class Scratch {

    private final Map<String, INDArray> arrays = new HashMap<>();

    /** @return an array shaped and typed like {@code like}, reused across calls with the same name */
    INDArray get(String name, INDArray like) {
        INDArray array = arrays.get(name);
        if (array == null || !Arrays.equals(array.shape(), like.shape()) || array.dataType() != like.dataType()) {
            array = Nd4j.createUninitialized(like.dataType(), like.shape());
            arrays.put(name, array);
        }
        return array;
    }
}
