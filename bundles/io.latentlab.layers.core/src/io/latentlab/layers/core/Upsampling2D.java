package io.latentlab.layers.core;

import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
import io.latentlab.core.layer.Layer;
import io.latentlab.core.layer.LayerContext;
import io.latentlab.core.layer.LayerFactory;
import io.latentlab.core.layer.ParameterDeclarations;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.onnx.OnnxExportable;
import io.latentlab.core.onnx.OnnxGraph;

/**
 * Upsampling of an NCHW image by integer factors: nearest (repeat each pixel) or bilinear
 * (half-pixel centres, edges clamped, as PyTorch's align_corners=False). Both are linear maps
 * applied as two small matrix products, one per axis, so backward is their transpose.
 */
@Component(service = LayerFactory.class)
public final class Upsampling2D extends AbstractContribution implements LayerFactory {

    /** Contribution id. */
    public static final String ID = "upsampling2d";

    /** Creates the contribution. */
    public Upsampling2D() {
        super(ID, "Upsampling 2-D", "Enlarges an image by integer factors, nearest or bilinear.",
                Settings.class);
    }

    /** How new pixels are filled. */
    enum Interpolation {
        /** Copies of the nearest pixel. */
        NEAREST,
        /** Weighted means of the four nearest. */
        BILINEAR
    }

    /** Upsampling's settings. */
    record Settings(
            @Setting(doc = "scale: one value, or [height, width]", defaultValue = "[2]", min = 1) List<Long> factor,
            @Setting(doc = "how new pixels are filled", defaultValue = "nearest") Interpolation interpolation) {
    }

    @Override
    public Layer create(Parameters parameters) {
        int[] factor = parameters.getInts("factor", 2);
        return new UpsamplingLayer(factor[0], factor[1],
                parameters.as(Settings.class).interpolation() == Interpolation.BILINEAR);
    }

    private static final class UpsamplingLayer implements Layer, OnnxExportable {

        private final int factorH;
        private final int factorW;
        private final boolean bilinear;
        private INDArray rows;    // [H*fH, H]
        private INDArray columns; // [W*fW, W]
        private long[] inputShape;

        UpsamplingLayer(int factorH, int factorW, boolean bilinear) {
            this.factorH = factorH;
            this.factorW = factorW;
            this.bilinear = bilinear;
        }

        @Override
        public Shape build(List<Shape> inputShapes, ParameterDeclarations declarations) {
            Shape in = Inputs.single(inputShapes, 3, Inputs.IMAGE);
            return Shape.of(in.dim(0), in.dim(1) * factorH, in.dim(2) * factorW);
        }

        /** The [n*f, n] matrix that upsamples a vector of n values. */
        private double[][] interpolation(int n, int factor) {
            double[][] matrix = new double[n * factor][n];
            for (int out = 0; out < n * factor; out++) {
                if (!bilinear) {
                    matrix[out][out / factor] = 1;
                    continue;
                }
                double source = Math.max(0, (out + 0.5) / factor - 0.5);
                int low = Math.min((int) Math.floor(source), n - 1);
                int high = Math.min(low + 1, n - 1);
                double weight = source - low;
                matrix[out][low] += 1 - weight;
                matrix[out][high] += weight;
            }
            return matrix;
        }

        @Override
        public INDArray forward(List<INDArray> inputs, LayerContext context) {
            INDArray input = inputs.get(0);
            inputShape = input.shape();
            int height = (int) inputShape[2];
            int width = (int) inputShape[3];
            if (rows == null || rows.size(1) != height || columns.size(1) != width || rows.dataType() != input.dataType()) {
                rows = Nd4j.createFromArray(interpolation(height, factorH)).castTo(input.dataType());
                columns = Nd4j.createFromArray(interpolation(width, factorW)).castTo(input.dataType());
            }
            return applyBoth(input, rows, columns, inputShape[0], inputShape[1]);
        }

        @Override
        public List<INDArray> backward(INDArray outputGradient, LayerContext context) {
            return List.of(applyBoth(outputGradient, rows.transpose(), columns.transpose(), inputShape[0], inputShape[1]));
        }

        /** Computes R X C^T for each of the batch*channel planes X. */
        private static INDArray applyBoth(INDArray x, INDArray r, INDArray c, long batch, long channels) {
            long planes = batch * channels;
            long h = x.size(2);
            long w = x.size(3);
            long outH = r.size(0);
            long outW = c.size(0);
            INDArray alongWidth = x.dup('c').reshape(planes * h, w).mmul(c.transpose()); // [planes*h, outW]
            INDArray heightLast = alongWidth.reshape(planes, h, outW).permute(0, 2, 1).dup('c').reshape(planes * outW, h);
            INDArray alongHeight = heightLast.mmul(r.transpose()); // [planes*outW, outH]
            return alongHeight.reshape(planes, outW, outH).permute(0, 2, 1).dup('c').reshape(batch, channels, outH, outW);
        }

        /** Resize: nearest is out / factor rounded down (asymmetric, floor); bilinear uses half-pixel centres. */
        @Override
        public String toOnnx(OnnxGraph graph, List<String> inputs, List<Shape> inputShapes) {
            String scales = graph.constant("scales", Nd4j.createFromArray(1f, 1f, factorH, factorW));
            Map<String, Object> attributes = bilinear
                    ? Map.of("mode", "linear", "coordinate_transformation_mode", "half_pixel")
                    : Map.of("mode", "nearest", "coordinate_transformation_mode", "asymmetric", "nearest_mode", "floor");
            return graph.operator("Resize", List.of(inputs.get(0), "", scales), attributes);
        }
    }
}
