/**
 * What is computed from a trained run beyond its own evaluation: clustering of latent codes
 * ({@link io.latentlab.analyses.Clustering}), anomaly scores' ROC AUC
 * ({@link io.latentlab.analyses.RocAuc}), projections and paths through the latent space
 * ({@link io.latentlab.analyses.LatentProjection}, {@link io.latentlab.analyses.LatentPaths}),
 * the inception score ({@link io.latentlab.analyses.RunAnalyses}).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package io.latentlab.analyses;
