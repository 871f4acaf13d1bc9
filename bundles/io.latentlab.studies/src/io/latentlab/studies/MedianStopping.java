package io.latentlab.studies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.latentlab.core.Metrics;

/**
 * The median stopping rule for the trials of a sweep: after {@code afterEpochs} epochs, a trial
 * whose metric at an epoch is worse than the median of what the other trials reached at that
 * epoch is stopped (it is unlikely to end up best). Needs at least {@code minTrials} other
 * trials at that epoch; shared by the sweep's parallel trials.
 */
public final class MedianStopping {

    private final String metric;
    private final Boolean higherIsBetter;
    private final int afterEpochs;
    private final int minTrials;
    private final Map<Integer, Map<String, Double>> byEpoch = new HashMap<>();

    /**
     * @param metric the evaluation metric compared (e.g. test_bce), or null for the model's headline metric
     * @param higherIsBetter whether larger values are better (accuracy) or smaller (losses), or
     *        null to tell from the metric's name ({@link #higherIsBetter(String)})
     * @param afterEpochs epochs every trial trains before it can be stopped
     * @param minTrials other trials that must have reached an epoch before the rule applies there
     */
    public MedianStopping(String metric, Boolean higherIsBetter, int afterEpochs, int minTrials) {
        this.metric = metric;
        this.higherIsBetter = higherIsBetter;
        this.afterEpochs = afterEpochs;
        this.minTrials = minTrials;
    }

    /**
     * Records a trial's evaluation and decides.
     *
     * @param trial the trial's name
     * @param epoch the epoch just evaluated, from 1
     * @param metrics its test metrics then
     * @param headlineMetric the model's headline metric
     * @return why to stop it, or {@code null} to go on
     */
    public synchronized String judge(String trial, int epoch, Map<String, Double> metrics, String headlineMetric) {
        String compared = compared(headlineMetric);
        Double reported = metrics.get(compared);
        if (reported == null) {
            return null; // not evaluated at this epoch
        }
        double value = reported;
        boolean higher = higherIsBetter != null ? higherIsBetter : higherIsBetter(compared);
        Map<String, Double> others = new HashMap<>(byEpoch.computeIfAbsent(epoch, e -> new HashMap<>()));
        byEpoch.get(epoch).put(trial, value);
        others.remove(trial);
        if (epoch < afterEpochs || others.size() < minTrials) {
            return null;
        }
        List<Double> values = new ArrayList<>(others.values());
        values.sort(null);
        int n = values.size();
        double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
        boolean worse = Double.isNaN(value) || (higher ? value < median : value > median);
        return worse ? String.format(Locale.ROOT, "median rule: %s %.5g at epoch %d is worse than the median"
                + " %.5g of %d other trials", compared, value, epoch, median, n) : null;
    }

    /**
     * Records what another process's trial reached (a cluster task of the same sweep), so that it
     * counts for the median as a trial of this process does.
     *
     * @param trial the trial's name
     * @param epoch the epoch, from 1
     * @param value its compared metric then
     */
    public synchronized void record(String trial, int epoch, double value) {
        byEpoch.computeIfAbsent(epoch, e -> new HashMap<>()).put(trial, value);
    }

    /**
     * @param headlineMetric the model's headline metric
     * @return the metric the rule compares
     */
    public String compared(String headlineMetric) {
        return metric != null ? metric : headlineMetric;
    }

    /**
     * Whether larger values of a metric are better, from its name: accuracies, PSNR, IoU, AUC,
     * perplexity, inception score and mutual information are; losses and errors are not.
     *
     * @param metric a metric name
     * @return whether to maximise it
     */
    public static boolean higherIsBetter(String metric) {
        return Metrics.higherIsBetter(metric);
    }
}
