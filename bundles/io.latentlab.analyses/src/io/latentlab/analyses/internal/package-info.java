/** The analysis commands: {@code sample}, {@code interpolate}, {@code latent-map}, {@code cluster}, {@code anomaly}. */
package io.latentlab.analyses.internal;
