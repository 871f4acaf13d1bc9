/**
 * The contribution API: what every layer, activation, loss, optimizer and schedule bundle
 * implements ({@link io.latentlab.core.Contribution}), the parameter schema each declares once
 * ({@link io.latentlab.core.ParameterSchema}), and the registry that tracks the installed ones
 * ({@link io.latentlab.core.ContributionRegistry}).
 */
@org.osgi.annotation.versioning.Version("2.0.0")
package io.latentlab.core;
