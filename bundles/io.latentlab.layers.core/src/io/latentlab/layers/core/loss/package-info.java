/**
 * The built-in losses, each a {@link io.latentlab.core.loss.LossFactory} DS component: mse,
 * bce (from probabilities or logits), cce (categorical, from probabilities or logits) and
 * kl_normal (KL divergence of N(mu, exp(logvar)) to N(0, I), for VAEs).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.latentlab.layers.core.loss;
