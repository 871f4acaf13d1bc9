/** Generative adversarial networks: generator and discriminator stacks trained in alternating steps. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.latentlab.models.gan;
