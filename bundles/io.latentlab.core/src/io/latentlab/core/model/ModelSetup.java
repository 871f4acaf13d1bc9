package io.latentlab.core.model;

import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.Shape;

/**
 * Everything a model needs to build itself.
 *
 * @param parameters the model's parameters, resolved against its schema
 * @param stacks its layer stacks by name (e.g. encoder, decoder), as the experiment gives them
 * @param optimizers per stack (or {@code default}): optimizer id and resolved parameters
 * @param exampleShape the shape of one input example
 * @param classes the dataset's number of classes (0 when unlabelled)
 * @param registry where layer, loss and optimizer ids are looked up
 * @param dataType FLOAT normally
 * @param seed the experiment's seed
 * @param stepsPerEpoch minibatches per training epoch, for models whose phases are counted in
 *        epochs (e.g. layer-wise pre-training)
 */
public record ModelSetup(Parameters parameters, Map<String, List<LayerEntry>> stacks,
        Map<String, OptimizerChoice> optimizers, Shape exampleShape, int classes, ContributionRegistry registry,
        DataType dataType, long seed, long stepsPerEpoch) {

    /**
     * An optimizer as chosen in the experiment.
     *
     * @param id the optimizer id
     * @param parameters its resolved hyper-parameters
     */
    public record OptimizerChoice(String id, Parameters parameters) {
    }

    /**
     * @param stack a stack name
     * @return the optimizer for that stack, else the default one
     */
    public OptimizerChoice optimizerFor(String stack) {
        return optimizers.getOrDefault(stack, optimizers.get(ModelFactory.DEFAULT_OPTIMIZER));
    }
}
