package io.latentlab.models.vqvae;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.latentlab.core.layer.Shape;
import io.latentlab.core.loss.Loss;
import io.latentlab.core.model.Figure;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.TrainedNetwork;
import io.latentlab.core.model.Update;
import io.latentlab.engine.Batches;
import io.latentlab.engine.Network;
import io.latentlab.engine.NetworkSpec;
import io.latentlab.engine.ParameterArray;

/**
 * The trainable VQ-VAE. Vectors are laid out as rows [N, D], N = batch x positions; the codebook
 * is a network of its own for the engine (a {@link ParameterArray} [K, D], with its own
 * optimizer), its gradient computed here. It is initialised at step 1 from
 * K encoder outputs of the first batch, so that no code starts far from the data, and codes that
 * no vector chose are restarted the same way now and then: dead codes are the usual failure of
 * a VQ-VAE (low perplexity).
 */
final class VqVaeModel implements Model {

    /** The codebook's name, as a network of the model. */
    static final String CODEBOOK = "codebook";

    private final Network encoder;
    private final Network decoder;
    private final Shape code;
    private final int codes;
    private final long dimension;
    private final double commitment;
    private final long restartEvery;
    private final Loss reconstruction;
    private final String lossId;
    private final ParameterArray codebook;
    private final long seed;
    private final List<String> ids;

    VqVaeModel(Network encoder, Network decoder, Shape code, int codes, double commitment, long restartEvery,
            Loss reconstruction, String lossId, long seed, List<String> ids) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.code = code;
        this.codes = codes;
        this.dimension = code.dim(0);
        this.commitment = commitment;
        this.restartEvery = restartEvery;
        this.reconstruction = reconstruction;
        this.lossId = lossId;
        this.codebook = new ParameterArray(CODEBOOK, encoder.dataType(), codes, dimension);
        this.seed = seed;
        this.ids = List.copyOf(ids);
    }

    @Override
    public List<TrainedNetwork> networks() {
        return List.of(encoder, decoder, codebook);
    }

    private INDArray entries() {
        return codebook.values();
    }

    /** [B, D, h, w] or [B, D] to rows [N, D] (a copy). */
    private INDArray rows(INDArray grid) {
        return grid.rank() == 2 ? grid.dup() : grid.permute(0, 2, 3, 1).dup('c').reshape(-1, dimension);
    }

    /** Rows [N, D] back to the encoder's layout for {@code batch} examples. */
    private INDArray grid(INDArray rows, long batch) {
        return code.rank() == 1 ? rows
                : rows.reshape(batch, code.dim(1), code.dim(2), dimension).permute(0, 3, 1, 2).dup('c');
    }

    /** @return the index of the nearest codebook entry of each row, as ints */
    private int[] nearest(INDArray rows) {
        INDArray e = entries();
        INDArray distances = rows.mmul(e.transpose()).muli(-2)
                .addiColumnVector(rows.mul(rows).sum(true, 1))
                .addiRowVector(e.mul(e).sum(true, 1).reshape(1, codes));
        return Nd4j.argMin(distances, 1).toIntVector();
    }

    private INDArray lookup(int[] indices) {
        return Nd4j.pullRows(entries(), 1, indices);
    }

    /** Moves the chosen codes onto random rows; the generator depends on the step only, so resumed runs repeat. */
    private void placeCodes(INDArray rows, long step, IntPredicate which) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + step);
        INDArray e = entries();
        for (int k = 0; k < codes; k++) {
            if (which.test(k)) {
                e.getRow(k).assign(rows.getRow(random.nextInt((int) rows.size(0))));
            }
        }
    }

    private static double perplexity(long[] counts, long total) {
        double entropy = 0;
        for (long count : counts) {
            if (count > 0) {
                double p = (double) count / total;
                entropy -= p * Math.log(p);
            }
        }
        return Math.exp(entropy);
    }

    private long[] counts(int[] indices) {
        long[] counts = new long[codes];
        for (int index : indices) {
            counts[index]++;
        }
        return counts;
    }

    /**
     * Dead codes are restarted before the assignment of every {@code restart_every}-th step, so
     * that step's vectors can choose them at once.
     */
    @Override
    public Map<String, Double> computeGradients(Update update, INDArray features, INDArray labels, long step) {
        INDArray x = features.castTo(encoder.dataType());
        long batch = x.size(0);
        INDArray z = rows(encoder.forward(x, true));
        if (step == 1) {
            placeCodes(z, step, k -> true);
        }
        int[] indices = nearest(z);
        if (restartEvery > 0 && step % restartEvery == 0) {
            long[] before = counts(indices);
            placeCodes(z, step, k -> before[k] == 0);
            indices = nearest(z);
        }
        INDArray quantized = lookup(indices);
        INDArray output = decoder.forward(grid(quantized, batch), true);
        double reconstructionLoss = reconstruction.forward(List.of(output), x);
        INDArray difference = z.sub(quantized); // z_e - e
        double scale = 1.0 / difference.length();
        double codebookLoss = difference.mul(difference).sumNumber().doubleValue() * scale;
        decoder.backward(reconstruction.backward().get(0));
        // straight-through: dL/dz_e = dL/dz_q, plus the commitment term's 2 beta (z_e - e) / (N D)
        INDArray encoderGradient = rows(decoder.inputGradient(NetworkSpec.INPUT)).addi(difference.mul(2 * commitment * scale));
        encoder.backward(grid(encoderGradient, batch));
        // the codebook term ||sg[z_e] - e||^2: each entry gets 2 (e - z_e) / (N D) per row assigned to it
        long[] counts = counts(indices);
        INDArray assignment = Nd4j.zeros(z.dataType(), z.size(0), codes);
        for (int i = 0; i < indices.length; i++) {
            assignment.putScalar(i, indices[i], 1.0);
        }
        INDArray perEntry = Nd4j.createFromArray(counts).castTo(z.dataType()).reshape(codes, 1);
        codebook.gradient().assign(entries().mulColumnVector(perEntry).subi(assignment.transpose().mmul(z))
                .muli(2 * scale));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", reconstructionLoss + (1 + commitment) * codebookLoss);
        metrics.put("reconstruction", reconstructionLoss);
        metrics.put("codebook_loss", codebookLoss);
        metrics.put("perplexity", perplexity(counts, indices.length));
        return metrics;
    }

    @Override
    public Map<String, Double> evaluate(INDArray features, INDArray labels) {
        double[] sums = new double[3]; // squared error, BCE, the chosen loss times the slice size
        long[] counts = new long[codes];
        long[] vectors = {0};
        boolean ownLoss = !"bce".equals(lossId) && !"mse".equals(lossId);
        Batches.forEach(features, null, Batches.EVALUATION, (slice, unused) -> {
            INDArray x = slice.castTo(encoder.dataType());
            int[] indices = nearest(rows(encoder.forward(x, false)));
            INDArray output = decoder.forward(grid(lookup(indices), x.size(0)), false);
            if (ownLoss) {
                sums[2] += reconstruction.forward(List.of(output), x) * x.size(0);
            }
            INDArray difference = output.sub(x);
            sums[0] += difference.muli(difference).sumNumber().doubleValue();
            INDArray p = Transforms.min(Transforms.max(output, 1e-7, true), 1 - 1e-7, false);
            sums[1] -= Transforms.log(p, true).muli(x).addi(Transforms.log(p.rsub(1), false).muli(x.rsub(1)))
                    .sumNumber().doubleValue();
            for (int index : indices) {
                counts[index]++;
            }
            vectors[0] += indices.length;
        });
        long used = 0;
        for (long count : counts) {
            used += count > 0 ? 1 : 0;
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_mse", sums[0] / features.length());
        metrics.put("test_bce", sums[1] / features.length());
        if (ownLoss) {
            metrics.put("test_" + lossId, sums[2] / features.size(0));
        }
        metrics.put("test_perplexity", perplexity(counts, vectors[0]));
        metrics.put("test_codes_used", (double) used);
        return metrics;
    }

    /**
     * Codebook usage: the share of the examples' code vectors that choose each entry; an entry never
     * chosen is dead (its bar stays at 0 over the epochs).
     */
    @Override
    public List<Figure> figures(INDArray features, INDArray labels) {
        long[] counts = new long[codes];
        Batches.forEach(features, null, Batches.EVALUATION, (slice, unused) -> {
            for (int index : nearest(rows(encoder.forward(slice.castTo(encoder.dataType()), false)))) {
                counts[index]++;
            }
        });
        double vectors = Arrays.stream(counts).sum();
        double[] shares = Arrays.stream(counts).mapToDouble(count -> count / vectors).toArray();
        return List.of(new Figure.Bars("codebook-usage", "Codebook usage", "codebook entry", "share of code vectors", shares));
    }

    @Override
    public INDArray sample(INDArray features) {
        INDArray x = features.castTo(encoder.dataType());
        return decoder.forward(grid(lookup(nearest(rows(encoder.forward(x, false)))), x.size(0)), false).dup();
    }

    /** The quantised codes, flattened per example. */
    @Override
    public INDArray encode(INDArray features) {
        return Batches.map(features, Batches.EVALUATION, slice -> {
            INDArray x = slice.castTo(encoder.dataType());
            return grid(lookup(nearest(rows(encoder.forward(x, false)))), x.size(0)).reshape(x.size(0), code.size());
        });
    }

    /** Each D-vector of the codes is replaced by its nearest codebook entry, then decoded. */
    @Override
    public INDArray decode(INDArray codes) {
        long count = codes.size(0);
        INDArray z = rows(codes.castTo(encoder.dataType()).reshape(count, dimension, code.rank() == 1 ? 1 : code.dim(1),
                code.rank() == 1 ? 1 : code.dim(2)));
        INDArray quantized = lookup(nearest(z));
        return decoder.forward(grid(quantized, count), false).dup();
    }

    @Override
    public int latentDimensions() {
        return Math.toIntExact(code.size());
    }

    /** The prior of training: every position's code drawn uniformly from the codebook. */
    @Override
    public INDArray generate(int count, long drawSeed) {
        SplittableRandom random = new SplittableRandom(drawSeed);
        int[] indices = new int[Math.toIntExact(count * code.size() / dimension)];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = random.nextInt(codes);
        }
        return decoder.forward(grid(lookup(indices), count), false).dup();
    }

    @Override
    public String headlineMetric() {
        return "test_" + lossId;
    }

    @Override
    public List<String> contributionIds() {
        return ids;
    }
}
