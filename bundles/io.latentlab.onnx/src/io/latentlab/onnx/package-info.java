/**
 * Trained networks out as ONNX models ({@link io.latentlab.onnx.OnnxExport}): each layer writes
 * itself through {@link io.latentlab.core.onnx.OnnxExportable}; this bundle turns the result into
 * the ONNX protobuf schema, compiled from {@code proto/onnx-ir.proto} at build time.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.latentlab.onnx;
