/**
 * The engine: networks as directed acyclic graphs of layers ({@link io.latentlab.engine.NetworkSpec},
 * {@link io.latentlab.engine.Network}) with all parameters in one flat array
 * ({@link io.latentlab.engine.ParameterStore}), the training loop with listeners, gradient
 * clipping and NaN/Inf detection ({@link io.latentlab.engine.Trainer}), and checkpoints that
 * resume to the same numbers ({@link io.latentlab.engine.Checkpoint}). Headless: no UI imports.
 */
@org.osgi.annotation.versioning.Version("2.2.0")
package io.latentlab.engine;
