/**
 * Experiments and runs: {@link io.latentlab.experiments.ExperimentReader} reads a
 * {@code *.experiment.yaml} file and checks it against the installed contributions, reporting
 * every problem with its line and column; {@link io.latentlab.experiments.ExperimentRunner}
 * trains it into a run directory that keeps everything (snapshot, resolved parameters,
 * bundles, metrics, checkpoints, samples, summary, log).
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.latentlab.experiments;
