package io.latentlab.layers.core;

import io.latentlab.core.layer.Initializer;

/** Maps the {@code initializer} parameter's words to {@link Initializer}s. */
final class Initializers {

    private Initializers() {
    }

    static Initializer of(String word) {
        return switch (word) {
            case "he_normal" -> Initializer.HE_NORMAL;
            case "xavier_uniform" -> Initializer.XAVIER_UNIFORM;
            default -> throw new IllegalArgumentException("unknown initializer '" + word + "'");
        };
    }
}
