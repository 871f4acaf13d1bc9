/** The headless application that dispatches to {@link io.latentlab.cli.Command} services, and the built-in commands. */
package io.latentlab.cli.internal;
