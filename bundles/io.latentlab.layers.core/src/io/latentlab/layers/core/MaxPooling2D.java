package io.latentlab.layers.core;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.layer.LayerFactory;

/** Max pooling: the largest value of each window. */
@Component(service = LayerFactory.class)
public final class MaxPooling2D extends Pooling {

    /** Contribution id. */
    public static final String ID = "max_pooling2d";

    /** Creates the contribution. */
    public MaxPooling2D() {
        super(ID, "Max pooling 2-D", "Keeps the largest value of each window (stride defaults to the window).", "maxpool2d");
    }
}
