/**
 * The Latentlab workbench shell: application, window, menus and the default perspective.
 * Views and editors come from the other {@code io.latentlab.ui.*} bundles; the ids below are
 * the places they go.
 */
@org.osgi.annotation.versioning.Version("0.3.0")
package io.latentlab.ui;
