/** VQ-VAE (van den Oord et al. 2017): a discrete latent code from a learned codebook, trained with the straight-through estimator. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.latentlab.models.vqvae;
