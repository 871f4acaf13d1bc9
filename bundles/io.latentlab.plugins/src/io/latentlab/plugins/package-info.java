/** Plugin bundles kept in a folder, installed and started at every start of Latentlab (CLI and workbench). */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.latentlab.plugins;
