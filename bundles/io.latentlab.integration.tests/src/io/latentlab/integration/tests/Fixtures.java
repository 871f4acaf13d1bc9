package io.latentlab.integration.tests;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.datasets.mnist.Mnist;
import io.latentlab.layers.core.Conv2D;
import io.latentlab.layers.core.Conv2DTranspose;
import io.latentlab.layers.core.Dense;
import io.latentlab.layers.core.Flatten;
import io.latentlab.layers.core.Reshape;
import io.latentlab.layers.core.activation.Relu;
import io.latentlab.layers.core.activation.Sigmoid;
import io.latentlab.layers.core.loss.BinaryCrossEntropy;
import io.latentlab.layers.core.loss.MeanSquaredError;
import io.latentlab.models.ae.Autoencoder;
import io.latentlab.optimizers.core.Adam;
import io.latentlab.optimizers.core.Sgd;

/** The contributions the tests use, without OSGi, and a small experiment on the embedded MNIST. */
final class Fixtures {

    static final ContributionRegistry REGISTRY = ContributionRegistry.of(new Dense(), new Conv2D(), new Conv2DTranspose(),
            new Flatten(), new Reshape(), new Relu(), new Sigmoid(), new BinaryCrossEntropy(), new MeanSquaredError(),
            new Adam(), new Sgd(), new Mnist(), new Autoencoder(), new io.latentlab.models.ae.DenoisingAutoencoder(),
            new io.latentlab.models.ae.SparseAutoencoder(), new io.latentlab.models.vae.Vae(),
            new io.latentlab.augmentations.core.Augmentations.Shift(),
            new io.latentlab.augmentations.core.Augmentations.GaussianNoise(),
            new io.latentlab.augmentations.core.Augmentations.Occlusion(),
            new io.latentlab.models.gan.Gan(), new io.latentlab.layers.core.activation.Tanh(),
            new io.latentlab.layers.core.activation.LeakyRelu(), new io.latentlab.layers.core.BatchNorm(),
            new io.latentlab.layers.core.loss.KlStandardNormal(), new io.latentlab.layers.core.MaxPooling2D(),
            new io.latentlab.layers.core.Upsampling2D(), new io.latentlab.layers.core.Concat(), new io.latentlab.layers.core.Add(),
            new io.latentlab.layers.core.activation.Identity(), new io.latentlab.layers.core.activation.Softmax(),
            new io.latentlab.layers.core.loss.CategoricalCrossEntropy(), new io.latentlab.models.ae.StackedAutoencoder(), new io.latentlab.models.ae.Classifier(),
            new io.latentlab.models.unet.UNet(), new io.latentlab.models.vqvae.VqVae(),
            new io.latentlab.optimizers.core.RmsProp(), new io.latentlab.optimizers.core.Schedules.Constant(),
            new io.latentlab.optimizers.core.Schedules.Cosine(), new io.latentlab.optimizers.core.Schedules.Step(),
            new io.latentlab.optimizers.core.Schedules.ReduceOnPlateau());

    /** A dense autoencoder on 512 embedded MNIST images, 3 epochs of batch 64. */
    static final String SMALL = """
            name: small-ae
            seed: 7
            dataset:
              id: mnist
              train_limit: 512
              test_limit: 256
            model:
              id: autoencoder
              encoder:
                - dense: {units: 64, activation: relu, initializer: he_normal}
                - dense: {units: 16, activation: relu}
              decoder:
                - dense: {units: 64, activation: relu}
                - dense: {units: 784, activation: sigmoid}
            optimizer:
              id: adam
              learning_rate: 0.003
            training:
              epochs: 3
              batch_size: 64
            """;

    /** A dense VAE 784-128-(8) on the same data. */
    static final String SMALL_VAE = """
            name: small-vae
            seed: 3
            dataset:
              id: mnist
              train_limit: 512
              test_limit: 256
            model:
              id: vae
              latent_dim: 8
              encoder:
                - dense: {units: 128, activation: relu, initializer: he_normal}
              decoder:
                - dense: {units: 128, activation: relu, initializer: he_normal}
                - dense: {units: 784, activation: sigmoid}
            optimizer:
              id: adam
              learning_rate: 0.003
            training:
              epochs: 3
              batch_size: 64
            """;

    private Fixtures() {
    }
}
