package io.latentlab.layers.core;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.Initializer;
import io.latentlab.core.layer.Layer;
import io.latentlab.core.layer.LayerContext;
import io.latentlab.core.layer.LayerFactory;
import io.latentlab.core.layer.ParameterBinding;
import io.latentlab.core.layer.ParameterDeclarations;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.layer.ShapeException;

/**
 * Batch normalisation per feature (vectors) or per channel (images): y = gamma x^ + beta,
 * x^ = (x - mean) / sqrt(var + epsilon), with batch statistics in training and running
 * statistics (saved as non-trainable state) in evaluation.
 */
@Component(service = LayerFactory.class)
public final class BatchNorm extends AbstractContribution implements LayerFactory {

    /** Contribution id. */
    public static final String ID = "batch_norm";

    /** Creates the contribution. */
    public BatchNorm() {
        super(ID, "Batch normalisation", "Normalises each channel over the batch, then scales and shifts it.",
                ParameterSchema.builder()
                        .number("momentum", 0.9, 0.0, 1.0, "", "running statistics: new = momentum * old + (1 - momentum) * batch")
                        .number("epsilon", 1e-5, 0.0, 1.0, "", "added to the variance for stability")
                        .build());
    }

    @Override
    public Layer create(Parameters parameters) {
        return new BatchNormLayer(parameters.getDouble("momentum"), parameters.getDouble("epsilon"));
    }

    private static final class BatchNormLayer implements Layer {

        private final double momentum;
        private final double epsilon;
        private INDArray gamma;
        private INDArray beta;
        private INDArray gammaGradient;
        private INDArray betaGradient;
        private INDArray runningMean;
        private INDArray runningVariance;
        private INDArray normalized; // x^ as rows [examples*pixels, channels]
        private INDArray inverseStd;
        private long[] inputShape;

        BatchNormLayer(double momentum, double epsilon) {
            this.momentum = momentum;
            this.epsilon = epsilon;
        }

        @Override
        public Shape build(List<Shape> inputShapes, ParameterDeclarations declarations) {
            Shape in = Inputs.single(inputShapes, 0, "");
            if (in.rank() != 1 && in.rank() != 3) {
                throw new ShapeException("a vector [features] or an image [channels, height, width]", in);
            }
            long channels = in.dim(0);
            declarations.weight("gamma", new long[] {1, channels}, 1.0);
            declarations.weight("beta", new long[] {1, channels}, 0.0);
            declarations.state("mean", new long[] {1, channels}, 0.0);
            declarations.state("variance", new long[] {1, channels}, 1.0);
            return in;
        }

        @Override
        public void bind(ParameterBinding parameters) {
            gamma = parameters.value("gamma");
            beta = parameters.value("beta");
            gammaGradient = parameters.gradient("gamma");
            betaGradient = parameters.gradient("beta");
            runningMean = parameters.value("mean");
            runningVariance = parameters.value("variance");
        }

        /** [B, C] stays; [B, C, H, W] becomes [B*H*W, C]. */
        private static INDArray toRows(INDArray x) {
            if (x.rank() == 2) {
                return x;
            }
            return x.permute(0, 2, 3, 1).dup('c').reshape(x.size(0) * x.size(2) * x.size(3), x.size(1));
        }

        private INDArray fromRows(INDArray rows) {
            if (inputShape.length == 2) {
                return rows;
            }
            return rows.reshape(inputShape[0], inputShape[2], inputShape[3], inputShape[1]).permute(0, 3, 1, 2).dup('c');
        }

        @Override
        public INDArray forward(List<INDArray> inputs, LayerContext context) {
            INDArray input = inputs.get(0);
            inputShape = input.shape();
            INDArray rows = toRows(input);
            INDArray mean;
            INDArray variance;
            if (context.training()) {
                mean = rows.mean(true, 0);
                variance = rows.var(false, 0).reshape(1, rows.size(1));
                runningMean.muli(momentum).addi(mean.mul(1 - momentum));
                runningVariance.muli(momentum).addi(variance.mul(1 - momentum));
            } else {
                mean = runningMean;
                variance = runningVariance;
            }
            inverseStd = org.nd4j.linalg.ops.transforms.Transforms.pow(variance.add(epsilon), -0.5, false);
            normalized = rows.subRowVector(mean).muliRowVector(inverseStd);
            return fromRows(normalized.mulRowVector(gamma).addiRowVector(beta));
        }

        @Override
        public List<INDArray> backward(INDArray outputGradient, LayerContext context) {
            INDArray gradient = toRows(outputGradient);
            long count = gradient.size(0);
            betaGradient.assign(gradient.sum(true, 0));
            gammaGradient.assign(gradient.mul(normalized).sum(true, 0));
            INDArray normalizedGradient = gradient.mulRowVector(gamma);
            if (!context.training()) {
                return List.of(fromRows(normalizedGradient.muliRowVector(inverseStd)));
            }
            // dx = invstd / N * (N dx^ - sum(dx^) - x^ * sum(dx^ x^))
            INDArray sum = normalizedGradient.sum(true, 0);
            INDArray dotNormalized = normalizedGradient.mul(normalized).sum(true, 0);
            INDArray inputGradient = normalizedGradient.mul(count).subiRowVector(sum)
                    .subi(normalized.mulRowVector(dotNormalized)).muliRowVector(inverseStd).divi(count);
            return List.of(fromRows(inputGradient));
        }
    }
}
