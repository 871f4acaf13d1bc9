package io.latentlab.core.onnx;

/**
 * A network cannot be written as ONNX: a layer has no ONNX mapping, or its settings have no
 * ONNX equivalent. A layer throws it with a predicate ("cannot write dilation 2 with ..."); the
 * network puts the layer's name, id and bundle in front.
 */
public class OnnxExportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, as a predicate of the layer: "has no ONNX mapping", "cannot ..." */
    public OnnxExportException(String message) {
        super(message);
    }
}
