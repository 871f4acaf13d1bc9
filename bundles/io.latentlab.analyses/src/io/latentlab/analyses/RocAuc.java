package io.latentlab.analyses;

import java.util.Arrays;
import java.util.Comparator;

/** Area under the ROC curve from scores and binary labels (Mann-Whitney; ties count one half). */
public final class RocAuc {

    private RocAuc() {
    }

    /**
     * @param scores one score per example, higher meaning "positive" (e.g. anomalous)
     * @param positive whether each example is positive
     * @return the probability that a random positive scores above a random negative
     * @throws IllegalArgumentException if either class is empty
     */
    public static double of(double[] scores, boolean[] positive) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < order.length;) {
            int end = start;
            while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1; // average rank of a group of ties
            for (int k = start; k <= end; k++) {
                if (positive[order[k]]) {
                    positiveRankSum += rank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("ROC AUC needs both classes: " + positives + " positive, " + negatives
                    + " negative examples");
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
