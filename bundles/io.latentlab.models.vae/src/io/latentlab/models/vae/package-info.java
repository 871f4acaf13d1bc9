/** Variational autoencoders: z = mu + eps * sigma with a KL term to N(0, I), dense or convolutional, with a beta weight. */
@org.osgi.annotation.versioning.Version("2.0.0")
package io.latentlab.models.vae;
