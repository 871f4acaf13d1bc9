package io.latentlab.layers.core;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.layer.LayerFactory;

/** Average pooling: the mean of each window. */
@Component(service = LayerFactory.class)
public final class AveragePooling2D extends Pooling {

    /** Contribution id. */
    public static final String ID = "avg_pooling2d";

    /** Creates the contribution. */
    public AveragePooling2D() {
        super(ID, "Average pooling 2-D", "Keeps the mean of each window (stride defaults to the window).", "avgpool2d");
    }
}
