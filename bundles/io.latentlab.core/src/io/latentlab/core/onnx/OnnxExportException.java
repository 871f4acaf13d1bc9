package io.latentlab.core.onnx;

/**
 * A network cannot be written as ONNX: a layer has no ONNX mapping, or its settings have no
 * ONNX equivalent. The message names the layer and the bundle that contributed it.
 */
public class OnnxExportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what cannot be exported, and why */
    public OnnxExportException(String message) {
        super(message);
    }
}
