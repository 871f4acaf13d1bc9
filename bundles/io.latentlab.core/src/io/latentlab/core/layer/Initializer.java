package io.latentlab.core.layer;

/** How a parameter's initial values are drawn (seeded by the network). */
public enum Initializer {
    /** Zeros (biases, batch-norm shift). */
    ZEROS,
    /** Ones (batch-norm scale). */
    ONES,
    /** Glorot/Xavier uniform: U(-a, a), a = sqrt(6 / (fanIn + fanOut)); for sigmoid/tanh/linear layers. */
    XAVIER_UNIFORM,
    /** He/Kaiming normal: N(0, 2 / fanIn); for ReLU layers. */
    HE_NORMAL,
    /** A constant given with the declaration (e.g. 0.25 for a PReLU slope). */
    CONSTANT
}
