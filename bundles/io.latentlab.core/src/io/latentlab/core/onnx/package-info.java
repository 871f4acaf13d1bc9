/**
 * ONNX export of layers: a layer that implements {@link io.latentlab.core.onnx.OnnxExportable}
 * writes its evaluation-mode computation as ONNX operators, so that a trained network can run in
 * ONNX Runtime, PyTorch or a C++ application. Optional: a layer without it still trains; only its
 * export fails, naming the layer and its bundle.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.latentlab.core.onnx;
