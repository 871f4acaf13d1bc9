/** The autoencoder family: encoder and decoder layer stacks trained to reconstruct their input. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.latentlab.models.ae;
