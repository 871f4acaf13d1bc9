/**
 * Runs: {@link io.latentlab.runs.ExperimentRunner} trains a checked experiment into a
 * {@link io.latentlab.runs.RunDirectory} that keeps everything (snapshot, resolved parameters,
 * bundles, metrics, checkpoints, samples, summary, log), resumes and branches runs;
 * {@link io.latentlab.runs.RunInfo}, {@link io.latentlab.runs.MetricsTail} and
 * {@link io.latentlab.runs.RunFolders} read, list and manage run folders for the CLI and the
 * workbench alike.
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package io.latentlab.runs;
