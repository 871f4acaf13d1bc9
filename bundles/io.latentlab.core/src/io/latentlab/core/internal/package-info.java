/** The OSGi implementation of {@link io.latentlab.core.ContributionRegistry}. */
package io.latentlab.core.internal;
