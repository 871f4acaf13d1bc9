/**
 * The workbench's runs: the Runs view, the live run dashboard and comparison, their preferences,
 * and training experiments in the background.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package io.latentlab.ui.runs;
