/**
 * Studies of several runs: {@link io.latentlab.studies.Sweep} (grid or random trials with
 * median early stopping), {@link io.latentlab.studies.OptimizerRace} (one run per optimizer from
 * identical starts), {@link io.latentlab.studies.ModelBenchmark} (rows of targets and
 * references), and {@link io.latentlab.studies.ParallelCoordinates} for comparing them.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package io.latentlab.studies;
