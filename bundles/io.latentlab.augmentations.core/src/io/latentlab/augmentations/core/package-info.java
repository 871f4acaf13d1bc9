/**
 * The built-in augmentations of training batches: Gaussian noise, salt-and-pepper noise,
 * occlusion (a random square masked out), random shifts and horizontal flips. Each works on
 * the batch's values in Java, drawing from the per-step generator it is given.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.latentlab.augmentations.core;
