package io.latentlab.experiments;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.latentlab.core.model.LayerEntry;

/**
 * An experiment as written, before it is checked against the installed contributions.
 *
 * @param file the experiment file
 * @param text the file's text (snapshotted into the run)
 * @param name a short name for the run directory
 * @param seed seeds initialisation, shuffling and noise
 * @param dataset the dataset id and parameters
 * @param model the model id and parameters
 * @param stacks the model's layer stacks by name
 * @param optimizers optimizer per stack name, or under {@code default}
 * @param training epochs, batch size and cadences
 * @param seeds the seeds of a group of repeats ({@code seeds: [1, 2, 3]} or {@code repeat: 3}, which
 *        counts up from {@code seed}), each trained as its own run; empty for one run
 */
public record Experiment(Path file, String text, String name, long seed, Choice dataset, Choice model,
        Map<String, List<LayerEntry>> stacks, Map<String, Choice> optimizers, Training training, List<Long> seeds) {

    /** Copies the seeds. */
    public Experiment {
        seeds = List.copyOf(seeds);
    }

    /** @return whether it asks for a group of runs, one per seed */
    public boolean isSeedGroup() {
        return !seeds.isEmpty();
    }

    /**
     * A contribution chosen by id with its parameters as given.
     *
     * @param id the contribution id
     * @param parameters its parameters as given
     * @param path where it is in the file, e.g. {@code optimizer}
     */
    public record Choice(String id, Map<String, Object> parameters, String path) {
    }

    /**
     * The training loop's settings.
     *
     * @param epochs epochs to train
     * @param batchSize examples per step
     * @param evaluateEvery evaluate on the test set every this many epochs
     * @param sampleEvery write a sample grid every this many epochs
     * @param checkpointEvery checkpoint every this many epochs (and always at the end)
     * @param clipNorm rescale each update's gradients whose joint L2 norm exceeds this; 0 never
     * @param clipValue clamp every gradient value to [-clipValue, clipValue]; 0 never
     * @param keepCheckpoints how many checkpoints a run keeps (the last and those before it), at least 1
     */
    public record Training(int epochs, int batchSize, int evaluateEvery, int sampleEvery, int checkpointEvery,
            double clipNorm, double clipValue, int keepCheckpoints) {
    }
}
