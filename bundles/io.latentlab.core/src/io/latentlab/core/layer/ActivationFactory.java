package io.latentlab.core.layer;

/**
 * The contribution for an activation function: a layer that keeps its input's shape. Listed
 * apart from layers, and usable as a layer's {@code activation} parameter. Register with
 * {@code service = ActivationFactory.class}.
 */
public interface ActivationFactory extends LayerFactory {
}
