package io.latentlab.core;

/**
 * Something a bundle adds to Latentlab under a stable id: a layer, activation, loss,
 * optimizer or schedule. Register implementations as OSGi services (DS components) of their
 * specific interface, e.g. {@link io.latentlab.core.layer.LayerFactory}.
 */
public interface Contribution {

    /** @return the stable id used in experiment files, e.g. {@code dense}; lower case, no spaces */
    String id();

    /** @return a human name, e.g. {@code Dense (fully connected)} */
    String name();

    /** @return one line saying what it does */
    String doc();

    /** @return the parameters it accepts, declared once here and used by validators, forms and docs */
    ParameterSchema schema();
}
