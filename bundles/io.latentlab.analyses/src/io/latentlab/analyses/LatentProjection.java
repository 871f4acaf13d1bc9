package io.latentlab.analyses;

/**
 * Two-dimensional views of latent codes for scatter plots: the codes themselves when they are
 * 2-D, else their projection on the two principal components (power iteration on the
 * covariance, deflated; deterministic).
 */
public final class LatentProjection {

    private LatentProjection() {
    }

    /**
     * @param codes one code per row, all of one length
     * @return one (x, y) per row
     */
    public static double[][] project(double[][] codes) {
        int n = codes.length;
        int d = codes[0].length;
        if (d <= 2) {
            double[][] points = new double[n][2];
            for (int i = 0; i < n; i++) {
                points[i][0] = codes[i][0];
                points[i][1] = d == 2 ? codes[i][1] : 0;
            }
            return points;
        }
        double[] mean = new double[d];
        for (double[] code : codes) {
            for (int j = 0; j < d; j++) {
                mean[j] += code[j] / n;
            }
        }
        double[][] covariance = new double[d][d];
        for (double[] code : codes) {
            for (int a = 0; a < d; a++) {
                double ca = code[a] - mean[a];
                for (int b = a; b < d; b++) {
                    covariance[a][b] += ca * (code[b] - mean[b]) / n;
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                covariance[a][b] = covariance[b][a];
            }
        }
        double[] first = principal(covariance);
        double lambda = rayleigh(covariance, first);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                covariance[a][b] -= lambda * first[a] * first[b];
            }
        }
        double[] second = principal(covariance);
        double[][] points = new double[n][2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                points[i][0] += (codes[i][j] - mean[j]) * first[j];
                points[i][1] += (codes[i][j] - mean[j]) * second[j];
            }
        }
        return points;
    }

    private static double[] principal(double[][] matrix) {
        int d = matrix.length;
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = 1.0 / Math.sqrt(d) * (1 + 0.01 * j); // fixed start: repeatable, not orthogonal to anything likely
        }
        for (int iteration = 0; iteration < 500; iteration++) {
            double[] next = new double[d];
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    next[a] += matrix[a][b] * v[b];
                }
            }
            double norm = 0;
            for (double x : next) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return v;
            }
            for (int a = 0; a < d; a++) {
                next[a] /= norm;
            }
            v = next;
        }
        return v;
    }

    private static double rayleigh(double[][] matrix, double[] v) {
        double value = 0;
        for (int a = 0; a < v.length; a++) {
            for (int b = 0; b < v.length; b++) {
                value += v[a] * matrix[a][b] * v[b];
            }
        }
        return value;
    }
}
