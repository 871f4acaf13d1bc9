/** The {@code latentlab train} and {@code latentlab resume} commands. */
package io.latentlab.experiments.internal;
