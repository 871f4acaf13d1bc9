/** MNIST from IDX files (gzipped or not), with the 10k test set embedded as the default dataset. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.latentlab.datasets.mnist;
