/**
 * The built-in layers, each a {@link io.latentlab.core.layer.LayerFactory} DS component:
 * dense, conv2d, transposed conv2d, max/avg pooling, upsampling, flatten, reshape, dropout,
 * batch norm, concat and add. Images are NCHW; convolutions are cross-correlations (the
 * kernel is not flipped), as in libnd4j, PyTorch and Keras.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.latentlab.layers.core;
