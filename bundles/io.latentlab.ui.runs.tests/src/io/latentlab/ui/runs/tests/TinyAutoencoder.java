package io.latentlab.ui.runs.tests;

/** The UI tests' experiment where the model does not matter: a dense autoencoder that trains in a second or two. */
final class TinyAutoencoder {

    private TinyAutoencoder() {
    }

    /**
     * @param name the experiment's name
     * @param more further top-level sections (a sweep, repeats), or empty
     * @return the experiment's text
     */
    static String experiment(String name, String more) {
        return """
                name: %s
                seed: 1
                dataset: {id: mnist, train_limit: 256, test_limit: 64}
                model:
                  id: autoencoder
                  encoder:
                    - dense: {units: 8, activation: relu}
                  decoder:
                    - dense: {units: 784, activation: sigmoid}
                optimizer: {id: adam, learning_rate: 0.003}
                training: {epochs: 1, batch_size: 64}
                """.formatted(name) + more;
    }
}
