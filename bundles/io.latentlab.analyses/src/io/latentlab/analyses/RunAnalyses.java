package io.latentlab.analyses;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.core.model.Model;
import io.latentlab.runs.ExperimentRunner;

/** What is computed from a trained run beyond its own evaluation: shared by the commands and the model benchmark. */
public final class RunAnalyses {

    private RunAnalyses() {
    }

    /**
     * @param accuracy cluster accuracy after the best one-to-one matching of clusters to labels
     * @param nmi normalised mutual information between clusters and labels
     * @param examples how many codes were clustered
     * @param codeSize their dimension
     */
    public record Clusters(double accuracy, double nmi, int examples, int codeSize) {
    }

    /**
     * @param score exp(E_x KL(p(y|x) || p(y))), between 1 and the number of classes
     * @param classEntropy H(p(y)) / log(classes): 1 when the classes are equally frequent
     * @param images how many generated images were scored
     */
    public record InceptionScore(double score, double classEntropy, int images) {
    }

    /**
     * ROC AUC of the model's anomaly scores on the test set, one label normal and the rest anomalous.
     *
     * @param run a loaded run
     * @param normal the normal label
     * @return the area under the ROC curve
     * @throws IllegalArgumentException if the dataset has no labels
     */
    public static double anomalyAuc(ExperimentRunner.LoadedRun run, int normal) {
        INDArray labels = labels(run, "to tell normal from anomalous");
        double[] scores = run.model().anomalyScores(run.dataset().testFeatures()).toDoubleVector();
        boolean[] anomalous = new boolean[scores.length];
        int[] truth = labels.castTo(DataType.INT).reshape(labels.length()).toIntVector();
        for (int i = 0; i < scores.length; i++) {
            anomalous[i] = truth[i] != normal;
        }
        return RocAuc.of(scores, anomalous);
    }

    /**
     * k-means on the test set's latent codes, scored against the labels.
     *
     * @param run a loaded run
     * @param k the number of clusters
     * @param seed k-means' seed
     * @return accuracy and NMI
     */
    public static Clusters clusters(ExperimentRunner.LoadedRun run, int k, long seed) {
        INDArray labels = labels(run, "to score the clusters against");
        double[][] codes = run.model().encode(run.dataset().testFeatures()).castTo(DataType.DOUBLE).toDoubleMatrix();
        int[] truth = labels.castTo(DataType.INT).reshape(labels.length()).toIntVector();
        int[] clusters = Clustering.kMeans(codes, k, seed, 100);
        int classes = Math.max(run.dataset().classes(), Arrays.stream(truth).max().orElse(0) + 1);
        return new Clusters(Clustering.accuracy(clusters, k, truth, classes), Clustering.nmi(clusters, k, truth, classes),
                codes.length, codes[0].length);
    }

    /**
     * The inception score of generated images, measured with a classifier (Salimans et al. 2016).
     *
     * @param generator a model that generates from its prior
     * @param classifier a model that gives class probabilities
     * @param images how many images to generate and score
     * @param seed the seed of the draw
     * @return the score and the normalised entropy of the predicted class frequencies
     */
    public static InceptionScore inceptionScore(Model generator, Model classifier, int images, long seed) {
        double[][] p = classifier.classProbabilities(generator.generate(images, seed)).castTo(DataType.DOUBLE)
                .toDoubleMatrix();
        int classes = p[0].length;
        double[] marginal = new double[classes];
        for (double[] row : p) {
            for (int c = 0; c < classes; c++) {
                marginal[c] += row[c] / p.length;
            }
        }
        double kl = 0;
        for (double[] row : p) {
            for (int c = 0; c < classes; c++) {
                if (row[c] > 0) {
                    kl += row[c] * Math.log(row[c] / marginal[c]) / p.length;
                }
            }
        }
        double entropy = 0;
        for (double q : marginal) {
            entropy -= q > 0 ? q * Math.log(q) : 0;
        }
        return new InceptionScore(Math.exp(kl), entropy / Math.log(classes), p.length);
    }

    private static INDArray labels(ExperimentRunner.LoadedRun run, String purpose) {
        INDArray labels = run.dataset().testLabels();
        if (labels == null) {
            throw new IllegalArgumentException("the run's dataset has no labels " + purpose);
        }
        return labels;
    }
}
