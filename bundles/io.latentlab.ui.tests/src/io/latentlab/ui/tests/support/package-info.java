/** What every workbench test does as a person would: workspace files to open, screenshots to look at. */
package io.latentlab.ui.tests.support;
