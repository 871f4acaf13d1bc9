package io.latentlab.core;

import java.util.Optional;

/**
 * Remembers contributions that plugins provided on this machine, so that an experiment naming
 * one whose plugin is missing now is told so, rather than only offered a similar installed id.
 * Register an implementation as an OSGi service; the registry asks every one.
 */
public interface ContributionHistory {

    /**
     * @param id a contribution id no installed bundle provides
     * @return why, when known: e.g. "plugin org.example.gelu 1.0.0 provided it and is not
     *         installed now; reinstall it with: latentlab plugins install org.example.gelu-1.0.0.jar"
     */
    Optional<String> whyMissing(String id);
}
