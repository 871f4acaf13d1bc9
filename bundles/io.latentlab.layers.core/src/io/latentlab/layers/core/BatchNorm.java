package io.latentlab.layers.core;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
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
 * statistics (saved as non-trainable state) in evaluation. Uses libnd4j's batchnorm and
 * batchnorm_bp, whose gradient accounts for the batch statistics' dependence on the input.
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
        private INDArray input;
        private INDArray mean;
        private INDArray variance;
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

        /** The axes statistics are taken over: all but the channel (or feature) axis 1. */
        private int[] statisticsAxes() {
            return inputShape.length == 2 ? new int[] {0} : new int[] {0, 2, 3};
        }

        private long[] channelShape() {
            return new long[] {inputShape[1]};
        }

        @Override
        public INDArray forward(List<INDArray> inputs, LayerContext context) {
            input = inputs.get(0);
            inputShape = input.shape();
            if (context.training()) {
                mean = input.mean(statisticsAxes());
                variance = input.var(false, statisticsAxes());
                runningMean.muli(momentum).addi(mean.reshape(runningMean.shape()).mul(1 - momentum));
                runningVariance.muli(momentum).addi(variance.reshape(runningVariance.shape()).mul(1 - momentum));
            } else {
                mean = runningMean.reshape(channelShape());
                variance = runningVariance.reshape(channelShape());
            }
            INDArray output = context.buffer("output", inputShape);
            // libnd4j's fused batchnorm: applies scale and offset along axis 1
            Nd4j.exec(DynamicCustomOp.builder("batchnorm")
                    .addInputs(input, mean, variance, gamma.reshape(channelShape()), beta.reshape(channelShape()))
                    .addOutputs(output).addIntegerArguments(1, 1, 1).addFloatingPointArguments(epsilon).build());
            return output;
        }

        @Override
        public List<INDArray> backward(INDArray outputGradient, LayerContext context) {
            INDArray inputGradient = context.buffer("input_gradient", inputShape);
            INDArray meanGradient = context.buffer("mean_gradient", channelShape());
            INDArray varianceGradient = context.buffer("variance_gradient", channelShape());
            if (!context.training()) {
                // statistics are constants in evaluation: dx = g * gamma / sqrt(var + eps)
                INDArray scale = gamma.reshape(channelShape()).div(Transforms.sqrt(variance.add(epsilon), false));
                Nd4j.exec(new BroadcastMulOp(outputGradient, scale, inputGradient, 1));
                INDArray normalized = context.buffer("normalized", inputShape);
                Nd4j.exec(DynamicCustomOp.builder("batchnorm").addInputs(input, mean, variance).addOutputs(normalized)
                        .addIntegerArguments(0, 0, 1).addFloatingPointArguments(epsilon).build());
                gammaGradient.assign(outputGradient.mul(normalized).sum(statisticsAxes()).reshape(gammaGradient.shape()));
                betaGradient.assign(outputGradient.sum(statisticsAxes()).reshape(betaGradient.shape()));
                return List.of(inputGradient);
            }
            INDArray gammaView = gammaGradient.reshape(channelShape());
            INDArray betaView = betaGradient.reshape(channelShape());
            Nd4j.exec(DynamicCustomOp.builder("batchnorm_bp")
                    .addInputs(input, mean, variance, gamma.reshape(channelShape()), beta.reshape(channelShape()),
                            outputGradient)
                    .addOutputs(inputGradient, meanGradient, varianceGradient, gammaView, betaView)
                    .addIntegerArguments(1, 1, 1).addFloatingPointArguments(epsilon).build());
            return List.of(inputGradient);
        }
    }
}
