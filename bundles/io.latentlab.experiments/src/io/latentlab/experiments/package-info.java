/**
 * The experiment format: {@link io.latentlab.experiments.ExperimentReader} reads a
 * {@code *.experiment.yaml} file and checks it against the installed contributions, reporting
 * every problem with its line and column ({@link io.latentlab.experiments.YamlTree} keeps the
 * positions); {@link io.latentlab.experiments.ExperimentText} edits one field of it at a time,
 * keeping comments and layout (the workbench's form).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package io.latentlab.experiments;
