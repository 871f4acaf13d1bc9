package io.latentlab.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.core.loss.Loss;
import io.latentlab.core.optim.LearningRateSchedule;
import io.latentlab.core.optim.Optimizer;

/**
 * The common step: forward, loss against the batch's labels (or its features, for
 * autoencoders), backward, gradient clipping, optimizer update.
 */
public final class SupervisedStep implements TrainingStep {

    private final Network network;
    private final Loss loss;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final long totalSteps;
    private final double clipNorm;
    private final boolean reconstruct;

    /**
     * @param network the network to train
     * @param loss the loss on its single output
     * @param optimizer the optimizer (initialised here)
     * @param schedule a learning-rate schedule, or {@code null} for a constant rate
     * @param totalSteps the planned number of steps (for schedules)
     * @param clipNorm rescale gradients whose global L2 norm exceeds this; 0 disables
     * @param reconstruct {@code true} to use the features as the target (autoencoders)
     */
    public SupervisedStep(Network network, Loss loss, Optimizer optimizer, LearningRateSchedule schedule,
            long totalSteps, double clipNorm, boolean reconstruct) {
        this.network = network;
        this.loss = loss;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.totalSteps = totalSteps;
        this.clipNorm = clipNorm;
        this.reconstruct = reconstruct;
        optimizer.initialize(network.parameters().trainableCount(), network.dataType());
    }

    @Override
    public Map<String, Double> step(Batch batch, long step) {
        INDArray target = reconstruct ? batch.features() : batch.labels();
        INDArray output = network.forward(batch.features(), true);
        double value = loss.forward(List.of(output), target.castTo(network.dataType()));
        if (!Double.isFinite(value)) {
            throw new NonFiniteException("loss became " + value + " at step " + step + where());
        }
        network.backward(loss.backward().get(0));
        double norm = GradientClipping.clipByGlobalNorm(network.parameters().gradients(), clipNorm);
        if (!Double.isFinite(norm)) {
            throw new NonFiniteException("gradient norm became " + norm + " at step " + step + where());
        }
        double rate = schedule == null ? optimizer.learningRate() : schedule.rate(optimizer.learningRate(), step, totalSteps);
        optimizer.step(network.parameters().parameters(), network.parameters().gradients(), step, rate);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", value);
        metrics.put("grad_norm", norm);
        metrics.put("learning_rate", rate);
        return metrics;
    }

    private String where() {
        String first = network.firstNonFinite();
        return first == null ? " (every output, parameter and gradient is finite: check the loss and the data)"
                : "; first non-finite value: " + first;
    }

    /** @return the network being trained */
    public Network network() {
        return network;
    }

    /** @return the optimizer, whose state checkpoints save */
    public Optimizer optimizer() {
        return optimizer;
    }
}
