/**
 * Headless sub-commands of the {@code latentlab} launcher. A bundle adds a sub-command by
 * registering a {@link io.latentlab.cli.Command} service (a Declarative Services component).
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.latentlab.cli;
