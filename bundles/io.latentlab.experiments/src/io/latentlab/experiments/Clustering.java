package io.latentlab.experiments;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means on latent codes, and the two usual scores against true labels: accuracy under the
 * best one-to-one matching of clusters to labels (Hungarian; exact, by dynamic programming
 * over label subsets) and normalised mutual information.
 */
public final class Clustering {

    private Clustering() {
    }

    /**
     * Lloyd's k-means with k-means++ seeding.
     *
     * @param points one row per point
     * @param k the number of clusters
     * @param seed seeds the initial centres
     * @param iterations at most this many assignment rounds
     * @return the cluster of each point
     */
    public static int[] kMeans(double[][] points, int k, long seed, int iterations) {
        int n = points.length;
        int d = points[0].length;
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[k][];
        centres[0] = points[random.nextInt(n)].clone();
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.MAX_VALUE);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], distance(points[i], centres[c - 1]));
                total += nearest[i];
            }
            double pick = random.nextDouble() * total;
            int chosen = n - 1;
            for (int i = 0; i < n; i++) {
                pick -= nearest[i];
                if (pick <= 0) {
                    chosen = i;
                    break;
                }
            }
            centres[c] = points[chosen].clone();
        }
        int[] assignment = new int[n];
        for (int round = 0; round < iterations; round++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (distance(points[i], centres[c]) < distance(points[i], centres[best])) {
                        best = c;
                    }
                }
                changed |= best != assignment[i] || round == 0;
                assignment[i] = best;
            }
            double[][] sums = new double[k][d];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                counts[assignment[i]]++;
                for (int j = 0; j < d; j++) {
                    sums[assignment[i]][j] += points[i][j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] > 0) {
                    for (int j = 0; j < d; j++) {
                        centres[c][j] = sums[c][j] / counts[c];
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        return assignment;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double difference = a[j] - b[j];
            sum += difference * difference;
        }
        return sum;
    }

    /**
     * @param clusters the cluster of each point, 0..k-1
     * @param labels the true label of each point, 0..k-1
     * @param k clusters and labels (at most 20: the matching is exact)
     * @return the fraction of points whose cluster maps to their label under the best one-to-one map
     */
    public static double accuracy(int[] clusters, int[] labels, int k) {
        long[][] counts = new long[k][k];
        for (int i = 0; i < clusters.length; i++) {
            counts[clusters[i]][labels[i]]++;
        }
        // best[mask]: the most points matched when clusters 0..popcount(mask)-1 take the labels in mask
        long[] best = new long[1 << k];
        Arrays.fill(best, -1);
        best[0] = 0;
        for (int mask = 0; mask < (1 << k); mask++) {
            if (best[mask] < 0) {
                continue;
            }
            int cluster = Integer.bitCount(mask);
            if (cluster == k) {
                continue;
            }
            for (int label = 0; label < k; label++) {
                if ((mask & (1 << label)) == 0) {
                    int next = mask | (1 << label);
                    best[next] = Math.max(best[next], best[mask] + counts[cluster][label]);
                }
            }
        }
        return (double) best[(1 << k) - 1] / clusters.length;
    }

    private static double entropy(long[] counts, int n) {
        double entropy = 0;
        for (long count : counts) {
            if (count > 0 && count < n) {
                entropy -= (double) count / n * Math.log((double) count / n);
            }
        }
        return entropy;
    }

    /**
     * @param clusters the cluster of each point
     * @param labels the true label of each point
     * @param k clusters and labels
     * @return normalised mutual information, I(C; L) / sqrt(H(C) H(L))
     */
    public static double nmi(int[] clusters, int[] labels, int k) {
        int n = clusters.length;
        long[][] joint = new long[k][k];
        long[] perCluster = new long[k];
        long[] perLabel = new long[k];
        for (int i = 0; i < n; i++) {
            joint[clusters[i]][labels[i]]++;
            perCluster[clusters[i]]++;
            perLabel[labels[i]]++;
        }
        double mutual = 0;
        double hc = entropy(perCluster, n);
        double hl = entropy(perLabel, n);
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                if (joint[a][b] > 0) {
                    mutual += (double) joint[a][b] / n * Math.log((double) joint[a][b] * n / (perCluster[a] * perLabel[b]));
                }
            }
        }
        return hc == 0 || hl == 0 ? 0 : mutual / Math.sqrt(hc * hl);
    }
}
