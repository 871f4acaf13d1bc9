/**
 * Optimizers and learning-rate schedules. An {@link io.latentlab.core.optim.OptimizerFactory}
 * turns hyper-parameters (named as in the literature: {@code learning_rate}, {@code beta_1},
 * {@code beta_2}, {@code epsilon}) into an {@link io.latentlab.core.optim.Optimizer}, which
 * holds the state and updates all of a network's parameters, one flat array, per step.
 */
@org.osgi.annotation.versioning.Version("2.0.0")
package io.latentlab.core.optim;
