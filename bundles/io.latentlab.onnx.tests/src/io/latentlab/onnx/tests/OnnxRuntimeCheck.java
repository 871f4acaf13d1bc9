package io.latentlab.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.latentlab.engine.Network;

/** Runs an exported model in ONNX Runtime and the network in the engine, on the same inputs, and compares. */
final class OnnxRuntimeCheck {

    /** Allowed difference: absolute for values in [-1, 1], relative beyond (float32 sums in another order). */
    static final double TOLERANCE = 1e-5;

    private OnnxRuntimeCheck() {
    }

    /**
     * @param model the exported model's bytes
     * @param network the network it was exported from
     * @param inputs by network input name, batch first
     * @param what names the case in failures
     * @return the largest difference seen, relative to max(1, |value|)
     */
    static double assertSameOutputs(byte[] model, Network network, Map<String, INDArray> inputs, String what)
            throws OrtException {
        List<INDArray> expected = network.forward(inputs, false).stream().map(a -> a.castTo(DataType.FLOAT).dup('c'))
                .toList();
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = environment.createSession(model, options)) {
                Map<String, OnnxTensor> feeds = new HashMap<>();
                try {
                    for (Map.Entry<String, INDArray> input : inputs.entrySet()) {
                        INDArray value = input.getValue().castTo(DataType.FLOAT).dup('c');
                        feeds.put(input.getKey(), OnnxTensor.createTensor(environment,
                                FloatBuffer.wrap(value.reshape(value.length()).toFloatVector()), value.shape()));
                    }
                    try (OrtSession.Result result = session.run(feeds)) {
                        double worst = 0;
                        for (int i = 0; i < expected.size(); i++) {
                            String output = network.outputs().get(i);
                            OnnxTensor tensor = (OnnxTensor) result.get(output).orElseThrow(
                                    () -> new AssertionError(what + ": ONNX Runtime gave no output '" + output + "'"));
                            assertArrayEquals(expected.get(i).shape(), tensor.getInfo().getShape(),
                                    what + ": shape of output '" + output + "'");
                            FloatBuffer buffer = tensor.getFloatBuffer();
                            float[] actual = new float[buffer.remaining()];
                            buffer.get(actual);
                            float[] wanted = expected.get(i).reshape(expected.get(i).length()).toFloatVector();
                            for (int j = 0; j < wanted.length; j++) {
                                double difference = Math.abs(actual[j] - wanted[j]) / Math.max(1, Math.abs(wanted[j]));
                                if (!(difference <= TOLERANCE)) {
                                    throw new AssertionError(what + ": output '" + output + "' value " + j + " is "
                                            + actual[j] + " in ONNX Runtime and " + wanted[j] + " in Latentlab");
                                }
                                worst = Math.max(worst, difference);
                            }
                        }
                        return worst;
                    }
                } finally {
                    feeds.values().forEach(OnnxTensor::close);
                }
            }
        }
    }
}
