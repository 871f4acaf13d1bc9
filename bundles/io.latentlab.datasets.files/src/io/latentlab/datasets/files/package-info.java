/**
 * Datasets from files: CSV pixel rows, image folders with one sub-folder per label, and NumPy
 * {@code .npy}/{@code .npz} arrays ({@link io.latentlab.datasets.files.NumPyArrays} reads and
 * writes them).
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package io.latentlab.datasets.files;
