package io.latentlab.core;

/**
 * An installed contribution and the bundle it comes from.
 *
 * @param contribution the contribution
 * @param kind the kind it is registered as
 * @param bundle the contributing bundle's symbolic name
 * @param version the contributing bundle's version
 * @param <T> the contribution type
 */
public record RegisteredContribution<T extends Contribution>(T contribution, ContributionKind kind, String bundle,
        String version) {

    /** @return the contribution's id */
    public String id() {
        return contribution.id();
    }
}
