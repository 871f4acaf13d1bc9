/** The workbench's runs: the Runs view, the live run dashboard, and running experiments in the background. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.latentlab.ui.runs;
