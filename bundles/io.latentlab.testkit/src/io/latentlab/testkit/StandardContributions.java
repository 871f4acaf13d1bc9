package io.latentlab.testkit;

import java.util.ArrayList;
import java.util.List;

import io.latentlab.core.Contribution;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.layers.core.Add;
import io.latentlab.layers.core.AveragePooling2D;
import io.latentlab.layers.core.BatchNorm;
import io.latentlab.layers.core.Concat;
import io.latentlab.layers.core.Conv2D;
import io.latentlab.layers.core.Conv2DTranspose;
import io.latentlab.layers.core.Dense;
import io.latentlab.layers.core.Dropout;
import io.latentlab.layers.core.Flatten;
import io.latentlab.layers.core.MaxPooling2D;
import io.latentlab.layers.core.Reshape;
import io.latentlab.layers.core.Upsampling2D;
import io.latentlab.layers.core.activation.Identity;
import io.latentlab.layers.core.activation.LeakyRelu;
import io.latentlab.layers.core.activation.ParametricRelu;
import io.latentlab.layers.core.activation.RandomizedRelu;
import io.latentlab.layers.core.activation.Relu;
import io.latentlab.layers.core.activation.Sigmoid;
import io.latentlab.layers.core.activation.Softmax;
import io.latentlab.layers.core.activation.Tanh;
import io.latentlab.layers.core.loss.BinaryCrossEntropy;
import io.latentlab.layers.core.loss.CategoricalCrossEntropy;
import io.latentlab.layers.core.loss.KlStandardNormal;
import io.latentlab.layers.core.loss.MeanSquaredError;
import io.latentlab.optimizers.core.Adam;
import io.latentlab.optimizers.core.AdamW;
import io.latentlab.optimizers.core.Momentum;
import io.latentlab.optimizers.core.RmsProp;
import io.latentlab.optimizers.core.Schedules;
import io.latentlab.optimizers.core.Sgd;

/**
 * A registry of Latentlab's own layers, activations, losses, optimizers and schedules plus yours, without
 * OSGi: what a model's stacks refer to when a test builds the model directly.
 * <pre>{@code
 * ContributionRegistry registry = StandardContributions.registry(new MyModel());
 * }</pre>
 */
public final class StandardContributions {

    private StandardContributions() {
    }

    /**
     * @param more your contributions (ids of their own; a duplicate id is resolved as in the product)
     * @return a registry of the standard contributions and these
     */
    public static ContributionRegistry registry(Contribution... more) {
        List<Contribution> all = new ArrayList<>(List.of(new Dense(), new Conv2D(), new Conv2DTranspose(),
                new MaxPooling2D(), new AveragePooling2D(), new Upsampling2D(), new Flatten(), new Reshape(),
                new Dropout(), new BatchNorm(), new Add(), new Concat(), new Sigmoid(), new Tanh(), new Relu(),
                new LeakyRelu(), new ParametricRelu(), new RandomizedRelu(), new Softmax(), new Identity(),
                new BinaryCrossEntropy(), new MeanSquaredError(), new CategoricalCrossEntropy(), new KlStandardNormal(),
                new Sgd(), new Momentum(), new RmsProp(), new Adam(), new AdamW(), new Schedules.Constant(),
                new Schedules.Step(), new Schedules.Exponential(), new Schedules.Cosine(),
                new Schedules.ReduceOnPlateau()));
        all.addAll(List.of(more));
        return ContributionRegistry.of(all.toArray(Contribution[]::new));
    }
}
