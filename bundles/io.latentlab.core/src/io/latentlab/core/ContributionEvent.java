package io.latentlab.core;

/**
 * A contribution appeared or went away (its bundle started or stopped).
 *
 * @param added {@code true} when added, {@code false} when removed
 * @param contribution the contribution concerned
 */
public record ContributionEvent(boolean added, RegisteredContribution<?> contribution) {
}
