/**
 * Models: a {@link io.latentlab.core.model.ModelFactory} contribution turns an experiment's
 * model section (parameters and layer stacks) into a {@link io.latentlab.core.model.Model}, which
 * names the {@link io.latentlab.core.model.TrainedNetwork}s it trains and computes the gradients
 * of each {@link io.latentlab.core.model.Update}; the engine performs the rest of the step.
 */
@org.osgi.annotation.versioning.Version("2.1.0")
package io.latentlab.core.model;
