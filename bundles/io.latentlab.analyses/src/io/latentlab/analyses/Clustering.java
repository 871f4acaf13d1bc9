package io.latentlab.analyses;

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

    /** The most clusters or classes {@link #accuracy} matches exactly (2^20 subsets). */
    public static final int MAX_MATCHED = 20;

    /**
     * @param clusters the cluster of each point, 0..clusterCount-1
     * @param clusterCount how many clusters
     * @param labels the true label of each point, 0..classCount-1
     * @param classCount how many classes
     * @return the fraction of points whose cluster maps to their label under the best one-to-one
     *         map of clusters to labels; with fewer clusters than classes (or more), the points of
     *         the classes (or clusters) left unmatched count as wrong
     * @throws IllegalArgumentException if there are more than {@link #MAX_MATCHED} clusters or classes
     */
    public static double accuracy(int[] clusters, int clusterCount, int[] labels, int classCount) {
        int size = Math.max(clusterCount, classCount);
        if (size > MAX_MATCHED) {
            throw new IllegalArgumentException("the matching of clusters to labels is exact up to " + MAX_MATCHED
                    + " of each; here " + clusterCount + " clusters and " + classCount + " classes");
        }
        long[][] counts = new long[size][size]; // a square table: the missing clusters or classes match nothing
        for (int i = 0; i < clusters.length; i++) {
            counts[clusters[i]][labels[i]]++;
        }
        // best[mask]: the most points matched when clusters 0..popcount(mask)-1 take the labels in mask
        long[] best = new long[1 << size];
        Arrays.fill(best, -1);
        best[0] = 0;
        for (int mask = 0; mask < (1 << size); mask++) {
            if (best[mask] < 0) {
                continue;
            }
            int cluster = Integer.bitCount(mask);
            if (cluster == size) {
                continue;
            }
            for (int label = 0; label < size; label++) {
                if ((mask & (1 << label)) == 0) {
                    int next = mask | (1 << label);
                    best[next] = Math.max(best[next], best[mask] + counts[cluster][label]);
                }
            }
        }
        return (double) best[(1 << size) - 1] / clusters.length;
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
     * @param clusterCount how many clusters
     * @param labels the true label of each point
     * @param classCount how many classes
     * @return normalised mutual information, I(C; L) / sqrt(H(C) H(L))
     */
    public static double nmi(int[] clusters, int clusterCount, int[] labels, int classCount) {
        int n = clusters.length;
        long[][] joint = new long[clusterCount][classCount];
        long[] perCluster = new long[clusterCount];
        long[] perLabel = new long[classCount];
        for (int i = 0; i < n; i++) {
            joint[clusters[i]][labels[i]]++;
            perCluster[clusters[i]]++;
            perLabel[labels[i]]++;
        }
        double mutual = 0;
        double hc = entropy(perCluster, n);
        double hl = entropy(perLabel, n);
        for (int a = 0; a < clusterCount; a++) {
            for (int b = 0; b < classCount; b++) {
                if (joint[a][b] > 0) {
                    mutual += (double) joint[a][b] / n * Math.log((double) joint[a][b] * n / (perCluster[a] * perLabel[b]));
                }
            }
        }
        return hc == 0 || hl == 0 ? 0 : mutual / Math.sqrt(hc * hl);
    }
}
