/** The Plugins view: every installed contribution with its bundle; installing and uninstalling plugin bundles at run time. */
package io.latentlab.ui.plugins.internal;
