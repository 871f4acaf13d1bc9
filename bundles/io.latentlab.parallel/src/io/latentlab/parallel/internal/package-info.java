/** The {@code latentlab train-rank} command. */
package io.latentlab.parallel.internal;
