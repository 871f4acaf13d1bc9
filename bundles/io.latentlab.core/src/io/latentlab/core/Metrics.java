package io.latentlab.core;

import java.util.List;
import java.util.Locale;

/** What a metric's name says about it, for everything that ranks runs or follows a metric. */
public final class Metrics {

    private static final List<String> HIGHER_IS_BETTER = List.of("accuracy", "psnr", "iou", "auc", "perplexity",
            "inception", "nmi", "gain", "score");

    private Metrics() {
    }

    /**
     * Whether larger values of a metric are better, from its name: accuracies, PSNR, IoU, AUC,
     * perplexity, inception score and mutual information are; losses and errors are not.
     *
     * @param metric a metric name
     * @return whether to maximise it
     */
    public static boolean higherIsBetter(String metric) {
        String name = metric.toLowerCase(Locale.ROOT);
        return HIGHER_IS_BETTER.stream().anyMatch(name::contains);
    }
}
