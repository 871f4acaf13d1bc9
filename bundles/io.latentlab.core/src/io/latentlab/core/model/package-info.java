/**
 * Models: a {@link io.latentlab.core.model.ModelFactory} contribution turns an experiment's
 * model section (parameters and layer stacks) into a trainable {@link io.latentlab.core.model.Model}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.latentlab.core.model;
