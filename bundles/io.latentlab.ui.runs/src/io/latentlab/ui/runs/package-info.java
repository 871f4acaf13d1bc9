/**
 * The workbench's runs: the Runs view, the run editor with its live charts, the comparison, their preferences,
 * and training experiments in the background.
 */
@org.osgi.annotation.versioning.Version("0.4.0")
package io.latentlab.ui.runs;
