package io.latentlab.core.model;

import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.Parameters;
import io.latentlab.core.layer.Shape;

/**
 * Everything a model needs to build itself. Its optimizers are not here: the engine creates one
 * per network from the experiment.
 *
 * @param parameters the model's parameters, resolved against its schema
 * @param stacks its layer stacks by name (e.g. encoder, decoder), as the experiment gives them
 * @param exampleShape the shape of one input example
 * @param classes the dataset's number of classes (0 when unlabelled)
 * @param registry where layer and loss ids are looked up
 * @param dataType FLOAT normally
 * @param seed the experiment's seed
 * @param stepsPerEpoch minibatches per training epoch, for models whose phases are counted in
 *        epochs (e.g. layer-wise pre-training)
 */
public record ModelSetup(Parameters parameters, Map<String, List<LayerEntry>> stacks, Shape exampleShape, int classes,
        ContributionRegistry registry, DataType dataType, long seed, long stepsPerEpoch) {

    /**
     * @param name a stack name
     * @return its layers
     * @throws IllegalArgumentException if the experiment gives no such stack, or an empty one
     */
    public List<LayerEntry> stack(String name) {
        List<LayerEntry> stack = stacks.getOrDefault(name, List.of());
        if (stack.isEmpty()) {
            throw new IllegalArgumentException("this model needs a non-empty '" + name + "' layer stack");
        }
        return stack;
    }
}
