package io.latentlab.core;

import java.util.List;

import io.latentlab.core.data.AugmentationFactory;
import io.latentlab.core.data.DatasetFactory;
import io.latentlab.core.layer.ActivationFactory;
import io.latentlab.core.layer.LayerFactory;
import io.latentlab.core.loss.LossFactory;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.optim.OptimizerFactory;
import io.latentlab.core.optim.ScheduleFactory;

/**
 * The kinds of contribution the registry tracks, each the service interface a bundle
 * registers under.
 *
 * @param label the kind's name for people, e.g. {@code layer}
 * @param serviceType the service interface
 */
public record ContributionKind(String label, Class<? extends Contribution> serviceType) {

    /** Layers ({@link LayerFactory}). */
    public static final ContributionKind LAYER = new ContributionKind("layer", LayerFactory.class);
    /** Activations ({@link ActivationFactory}); also usable wherever a layer is. */
    public static final ContributionKind ACTIVATION = new ContributionKind("activation", ActivationFactory.class);
    /** Losses ({@link LossFactory}). */
    public static final ContributionKind LOSS = new ContributionKind("loss", LossFactory.class);
    /** Optimizers ({@link OptimizerFactory}). */
    public static final ContributionKind OPTIMIZER = new ContributionKind("optimizer", OptimizerFactory.class);
    /** Learning-rate schedules ({@link ScheduleFactory}). */
    public static final ContributionKind SCHEDULE = new ContributionKind("schedule", ScheduleFactory.class);

    /** Models ({@link ModelFactory}). */
    public static final ContributionKind MODEL = new ContributionKind("model", ModelFactory.class);
    /** Datasets ({@link DatasetFactory}). */
    public static final ContributionKind DATASET = new ContributionKind("dataset", DatasetFactory.class);

    /** Augmentations of training batches ({@link AugmentationFactory}). */
    public static final ContributionKind AUGMENTATION = new ContributionKind("augmentation", AugmentationFactory.class);

    /** @return every kind, in display order */
    public static List<ContributionKind> all() {
        return List.of(LAYER, ACTIVATION, LOSS, OPTIMIZER, SCHEDULE, MODEL, DATASET, AUGMENTATION);
    }

    /**
     * @param type a contribution interface, e.g. {@code LayerFactory.class}
     * @return its kind; for an interface that is not a kind, one labelled with its simple name
     */
    public static ContributionKind ofType(Class<? extends Contribution> type) {
        return all().stream().filter(kind -> kind.serviceType() == type).findFirst()
                .orElse(new ContributionKind(type.getSimpleName(), type));
    }

    /**
     * @param contribution a contribution
     * @return the kind it belongs to (its most specific service interface)
     */
    public static ContributionKind of(Contribution contribution) {
        List<ContributionKind> kinds = all();
        for (int i = kinds.size() - 1; i >= 0; i--) {
            if (kinds.get(i).serviceType().isInstance(contribution)) {
                return kinds.get(i);
            }
        }
        throw new IllegalArgumentException(contribution.getClass().getName() + " implements no contribution interface");
    }
}
