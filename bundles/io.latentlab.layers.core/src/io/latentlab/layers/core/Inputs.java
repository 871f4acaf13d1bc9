package io.latentlab.layers.core;

import java.util.List;

import io.latentlab.core.layer.Shape;
import io.latentlab.core.layer.ShapeException;

/** Input-shape checks shared by the layers, with the messages a user sees. */
final class Inputs {

    private Inputs() {
    }

    /** @return the single input's shape, which must have the given rank */
    static Shape single(List<Shape> shapes, int rank, String what) {
        if (shapes.size() != 1) {
            throw new ShapeException("one input", shapes.size() + " inputs " + shapes);
        }
        Shape shape = shapes.get(0);
        if (rank > 0 && shape.rank() != rank) {
            throw new ShapeException(what, shape);
        }
        return shape;
    }

    static final String IMAGE = "an image [channels, height, width]";
}
