/**
 * The built-in activations, each an {@link io.latentlab.core.layer.ActivationFactory} DS
 * component: identity, sigmoid, tanh, relu, leaky_relu, prelu (learned slope), rrelu (random
 * slope in training, mean slope in evaluation) and softmax.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package io.latentlab.layers.core.activation;
