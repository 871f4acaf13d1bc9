/**
 * Layers: the smallest contract a layer author writes. A {@link io.latentlab.core.layer.LayerFactory}
 * (the contribution) creates a {@link io.latentlab.core.layer.Layer} from resolved parameters;
 * the layer declares its parameters from its input shapes ({@code build}), computes its output
 * ({@code forward}) and the gradients ({@code backward}). Arrays are ND4J {@code INDArray}s;
 * shapes exclude the batch dimension; images are NCHW.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.latentlab.core.layer;
