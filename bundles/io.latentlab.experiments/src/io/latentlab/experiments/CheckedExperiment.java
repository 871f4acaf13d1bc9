package io.latentlab.experiments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.latentlab.core.Parameters;
import io.latentlab.core.data.Augmentation;
import io.latentlab.core.data.DatasetFactory;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.optim.OptimizerChoice;
import io.latentlab.core.optim.ScheduleChoice;

/**
 * An experiment checked against the installed contributions, with every parameter resolved
 * (defaults filled in).
 *
 * @param experiment the experiment as written
 * @param dataset the dataset contribution
 * @param datasetParameters its resolved parameters
 * @param model the model contribution
 * @param modelParameters its resolved parameters
 * @param resolvedStacks each stack's layers with every parameter resolved (defaults filled in),
 *        as {@code {type: {parameters}, name, inputs}}, for the run's record
 * @param optimizers resolved optimizer choices (with their schedules) by network key, or
 *        {@link OptimizerChoice#DEFAULT_KEY} for {@code optimizer:}
 * @param augmentations the augmentations of training batches, in order
 * @param positions where each field is in the file, for problems found later (shapes)
 */
public record CheckedExperiment(Experiment experiment, DatasetFactory dataset, Parameters datasetParameters,
        ModelFactory model, Parameters modelParameters, Map<String, List<Map<String, Object>>> resolvedStacks,
        Map<String, OptimizerChoice> optimizers,
        List<AugmentationChoice> augmentations, Positions positions) {

    /**
     * An augmentation as chosen.
     *
     * @param id its id
     * @param parameters its resolved parameters
     * @param augmentation the augmentation
     */
    public record AugmentationChoice(String id, Parameters parameters, Augmentation augmentation) {
    }

    /** Maps a field path to its line and column. */
    @FunctionalInterface
    public interface Positions {
        /**
         * @param path a field path, e.g. {@code model.encoder[1]}
         * @return 1-based line and column
         */
        int[] of(String path);
    }

    /** @return the resolved parameters of everything, for the run's record */
    public Map<String, Object> resolved() {
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("name", experiment.name());
        resolved.put("seed", experiment.seed());
        resolved.put("dataset", withId(dataset.id(), datasetParameters));
        Map<String, Object> modelSection = withId(model.id(), modelParameters);
        modelSection.putAll(resolvedStacks);
        resolved.put("model", modelSection);
        Map<String, Object> optimizerSection = new LinkedHashMap<>();
        optimizers.forEach((stack, choice) -> {
            Map<String, Object> section = withId(choice.id(), choice.parameters());
            if (choice.schedule() != null) {
                Map<String, Object> schedule = withId(choice.schedule().id(), choice.schedule().parameters());
                schedule.put(ScheduleChoice.WARMUP_STEPS, choice.schedule().warmupSteps());
                section.put("schedule", schedule);
            }
            optimizerSection.put(stack, section);
        });
        resolved.put("optimizers", optimizerSection);
        resolved.put("augmentations", augmentations.stream().map(a -> withId(a.id(), a.parameters())).toList());
        Experiment.Training t = experiment.training();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", t.epochs());
        training.put("batch_size", t.batchSize());
        training.put("evaluate_every", t.evaluateEvery());
        training.put("sample_every", t.sampleEvery());
        training.put("checkpoint_every", t.checkpointEvery());
        training.put("clip_norm", t.clipNorm());
        training.put("clip_value", t.clipValue());
        training.put("keep_checkpoints", t.keepCheckpoints());
        resolved.put("training", training);
        return resolved;
    }

    private static Map<String, Object> withId(String id, Parameters parameters) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.putAll(parameters.asMap());
        return map;
    }
}
