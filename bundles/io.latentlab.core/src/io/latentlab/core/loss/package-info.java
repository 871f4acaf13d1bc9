/** Losses: a {@link io.latentlab.core.loss.LossFactory} contribution creates a {@link io.latentlab.core.loss.Loss}. */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.latentlab.core.loss;
