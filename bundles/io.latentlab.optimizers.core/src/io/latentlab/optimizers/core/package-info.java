/**
 * The built-in optimizers (sgd, momentum with optional Nesterov, rmsprop, adam, adamw) and
 * learning-rate schedules (step, exponential, cosine), each a DS component. Every optimizer
 * updates the network's single flat parameter array in place with a few whole-array ops,
 * reusing one scratch array.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.latentlab.optimizers.core;
