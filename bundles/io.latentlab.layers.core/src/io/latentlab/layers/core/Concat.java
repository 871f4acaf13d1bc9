package io.latentlab.layers.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.Layer;
import io.latentlab.core.layer.LayerContext;
import io.latentlab.core.layer.LayerFactory;
import io.latentlab.core.layer.ParameterDeclarations;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.layer.ShapeException;
import io.latentlab.core.onnx.OnnxExportable;
import io.latentlab.core.onnx.OnnxGraph;

/** Joins its inputs along the channel (first example) dimension: U-Net skip connections. */
@Component(service = LayerFactory.class)
public final class Concat extends AbstractContribution implements LayerFactory {

    /** Contribution id. */
    public static final String ID = "concat";

    /** Creates the contribution. */
    public Concat() {
        super(ID, "Concatenate", "Stacks inputs along channels (or features); other dimensions must match.",
                ParameterSchema.EMPTY);
    }

    @Override
    public Layer create(Parameters parameters) {
        return new ConcatLayer();
    }

    private static final class ConcatLayer implements Layer, OnnxExportable {

        private long[] sizes;

        @Override
        public Shape build(List<Shape> inputShapes, ParameterDeclarations declarations) {
            if (inputShapes.size() < 2) {
                throw new ShapeException("two or more inputs", inputShapes);
            }
            Shape first = inputShapes.get(0);
            sizes = new long[inputShapes.size()];
            long channels = 0;
            for (int i = 0; i < inputShapes.size(); i++) {
                Shape shape = inputShapes.get(i);
                long[] rest = shape.dims();
                long[] firstRest = first.dims();
                rest[0] = 0;
                firstRest[0] = 0;
                if (!Arrays.equals(rest, firstRest)) {
                    throw new ShapeException("inputs that differ only in their first dimension", inputShapes);
                }
                sizes[i] = shape.dim(0);
                channels += shape.dim(0);
            }
            long[] output = first.dims();
            output[0] = channels;
            return Shape.of(output);
        }

        @Override
        public INDArray forward(List<INDArray> inputs, LayerContext context) {
            return Nd4j.concat(1, inputs.toArray(INDArray[]::new));
        }

        @Override
        public List<INDArray> backward(INDArray outputGradient, LayerContext context) {
            List<INDArray> gradients = new ArrayList<>(sizes.length);
            long offset = 0;
            for (long size : sizes) {
                INDArrayIndex[] index = new INDArrayIndex[outputGradient.rank()];
                for (int d = 0; d < index.length; d++) {
                    index[d] = NDArrayIndex.all();
                }
                index[1] = NDArrayIndex.interval(offset, offset + size);
                gradients.add(outputGradient.get(index).dup('c'));
                offset += size;
            }
            return gradients;
        }

        @Override
        public String toOnnx(OnnxGraph graph, List<String> inputs, List<Shape> inputShapes) {
            return graph.operator("Concat", inputs, Map.of("axis", 1L));
        }
    }
}
