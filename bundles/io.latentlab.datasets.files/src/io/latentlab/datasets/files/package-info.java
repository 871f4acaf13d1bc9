/** Datasets from files: CSV pixel rows, and image folders with one sub-folder per label. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.latentlab.datasets.files;
