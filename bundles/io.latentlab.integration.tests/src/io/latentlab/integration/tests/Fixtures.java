package io.latentlab.integration.tests;

import java.util.ArrayList;
import java.util.List;

import io.latentlab.augmentations.core.Augmentations;
import io.latentlab.core.Contribution;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.datasets.mnist.Mnist;
import io.latentlab.layers.core.Add;
import io.latentlab.layers.core.BatchNorm;
import io.latentlab.layers.core.Concat;
import io.latentlab.layers.core.Conv2D;
import io.latentlab.layers.core.Conv2DTranspose;
import io.latentlab.layers.core.Dense;
import io.latentlab.layers.core.Flatten;
import io.latentlab.layers.core.MaxPooling2D;
import io.latentlab.layers.core.Reshape;
import io.latentlab.layers.core.Upsampling2D;
import io.latentlab.layers.core.activation.Identity;
import io.latentlab.layers.core.activation.LeakyRelu;
import io.latentlab.layers.core.activation.Relu;
import io.latentlab.layers.core.activation.Sigmoid;
import io.latentlab.layers.core.activation.Softmax;
import io.latentlab.layers.core.activation.Tanh;
import io.latentlab.layers.core.loss.BinaryCrossEntropy;
import io.latentlab.layers.core.loss.CategoricalCrossEntropy;
import io.latentlab.layers.core.loss.KlStandardNormal;
import io.latentlab.layers.core.loss.MeanSquaredError;
import io.latentlab.models.ae.Autoencoder;
import io.latentlab.models.ae.Classifier;
import io.latentlab.models.ae.DenoisingAutoencoder;
import io.latentlab.models.ae.SparseAutoencoder;
import io.latentlab.models.ae.StackedAutoencoder;
import io.latentlab.models.gan.Gan;
import io.latentlab.models.unet.UNet;
import io.latentlab.models.vae.Vae;
import io.latentlab.models.vqvae.VqVae;
import io.latentlab.optimizers.core.Adam;
import io.latentlab.optimizers.core.RmsProp;
import io.latentlab.optimizers.core.Schedules;
import io.latentlab.optimizers.core.Sgd;

/** The contributions the tests use, without OSGi, and a small experiment on the embedded MNIST. */
final class Fixtures {

    static final ContributionRegistry REGISTRY = ContributionRegistry.of(contributions());

    /**
     * @param extra contributions a test adds (e.g. a broken plugin)
     * @return the tests' contributions and these
     */
    static ContributionRegistry registryWith(Contribution... extra) {
        List<Contribution> all = new ArrayList<>(List.of(contributions()));
        all.addAll(List.of(extra));
        return ContributionRegistry.of(all.toArray(Contribution[]::new));
    }

    private static Contribution[] contributions() {
        return new Contribution[] {new Dense(), new Conv2D(), new Conv2DTranspose(),
            new Flatten(), new Reshape(), new Relu(), new Sigmoid(), new BinaryCrossEntropy(), new MeanSquaredError(),
            new Adam(), new Sgd(), new Mnist(), new Autoencoder(), new DenoisingAutoencoder(),
            new SparseAutoencoder(), new Vae(),
            new Augmentations.Shift(),
            new Augmentations.GaussianNoise(),
            new Augmentations.Occlusion(),
            new Gan(), new Tanh(),
            new LeakyRelu(), new BatchNorm(),
            new KlStandardNormal(), new MaxPooling2D(),
            new Upsampling2D(), new Concat(), new Add(),
            new Identity(), new Softmax(),
            new CategoricalCrossEntropy(), new StackedAutoencoder(), new Classifier(),
            new UNet(), new VqVae(),
            new RmsProp(), new Schedules.Constant(),
            new Schedules.Cosine(), new Schedules.Step(),
            new Schedules.ReduceOnPlateau()};
    }

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
