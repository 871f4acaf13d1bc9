package io.latentlab.engine;

import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.NodeInfo;
import io.latentlab.core.model.TrainedNetwork;

/**
 * A model's own trained array outside its networks of layers, such as a VQ-VAE's codebook:
 * trained by its own optimizer and checkpointed like a network. The model computes its gradient.
 */
public final class ParameterArray implements TrainedNetwork {

    private final String name;
    private final long[] shape;
    private final INDArray parameters;
    private final INDArray gradients;

    /**
     * @param name unique within the model, e.g. {@code codebook}
     * @param dataType the values' type
     * @param shape the array's shape, e.g. [codes, dimensions]
     */
    public ParameterArray(String name, DataType dataType, long... shape) {
        this.name = name;
        this.shape = shape.clone();
        long length = Shape.of(shape).size();
        this.parameters = Nd4j.zeros(dataType, 1, length);
        this.gradients = Nd4j.zeros(dataType, 1, length);
    }

    @Override
    public String name() {
        return name;
    }

    /** @return the values in the array's shape (a live view of {@link #parameters()}) */
    public INDArray values() {
        return parameters.reshape(shape);
    }

    /** @return the gradient in the array's shape (a live view of {@link #gradients()}) */
    public INDArray gradient() {
        return gradients.reshape(shape);
    }

    @Override
    public INDArray parameters() {
        return parameters;
    }

    @Override
    public INDArray gradients() {
        return gradients;
    }

    @Override
    public List<NodeInfo> nodes() {
        return List.of(new NodeInfo(name, "parameters", List.of(), List.of(), Shape.of(shape), parameters.length()));
    }
}
