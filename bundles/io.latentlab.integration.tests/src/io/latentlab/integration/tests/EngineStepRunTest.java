package io.latentlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Contribution;
import io.latentlab.core.ContributionKind;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.ContributionTable;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.RegisteredContribution;
import io.latentlab.core.loss.Loss;
import io.latentlab.core.loss.LossFactory;
import io.latentlab.engine.NonFiniteException;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.experiments.InvalidExperimentException;
import io.latentlab.layers.core.activation.ElementwiseActivation;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunDirectory;

/**
 * The engine's step as experiments reach it: a cosine schedule with warm-up for every model
 * family (the logged rate follows the formula), resumption mid-schedule, clipping, per-network
 * optimizers, skip connections written in a stack, a loss chosen by id, and a plugin's NaN named.
 */
class EngineStepRunTest {

    private static final int STEPS_PER_EPOCH = 4; // 128 images, batch 32
    private static final int EPOCHS = 2;
    private static final int WARMUP = 3;
    private static final double RATE = 0.002;

    private static String experiment(String model, String optimizer, String training) {
        return experiment(model, optimizer, training, EPOCHS);
    }

    private static String experiment(String model, String optimizer, String training, int epochs) {
        return """
                name: scheduled
                seed: 4
                dataset:
                  id: mnist
                  train_limit: 128
                  test_limit: 64
                model:
                %s
                %s
                training:
                  epochs: %d
                  batch_size: 32
                %s
                """.formatted(model.indent(2).stripTrailing(), optimizer.stripTrailing(), epochs,
                training.indent(2).stripTrailing());
    }

    private static final String COSINE = """
            optimizer:
              id: adam
              learning_rate: %s
              schedule: {id: cosine, warmup_steps: %d, minimum_rate: 0.0001}
            """.formatted(RATE, WARMUP);

    private static double cosine(long step, double scale) {
        long total = (long) STEPS_PER_EPOCH * EPOCHS;
        double rate = step <= WARMUP ? RATE * step / WARMUP
                : 0.0001 + (RATE - 0.0001) * (1 + Math.cos(Math.PI * (step - WARMUP - 1) / (total - WARMUP))) / 2;
        return rate * scale;
    }

    private static Path train(Path runs, String text, ContributionRegistry registry) throws Exception {
        CheckedExperiment checked = new ExperimentReader(registry).check(Path.of("scheduled.experiment.yaml"), text);
        return new ExperimentRunner(registry).run(checked, runs, (line, end) -> { });
    }

    /** @return the metric's values by step, as metrics.csv has them */
    private static Map<Long, Double> metric(Path run, String name) throws Exception {
        Map<Long, Double> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(run.resolve(RunDirectory.METRICS))) {
            String[] cells = line.split(",");
            if (cells.length == 4 && cells[2].equals(name)) {
                values.put(Long.parseLong(cells[0]), Double.parseDouble(cells[3]));
            }
        }
        return values;
    }

    private static final Map<String, String> FAMILIES = new LinkedHashMap<>();
    static {
        String denseStacks = """
                encoder:
                  - dense: {units: 32, activation: relu}
                  - dense: {units: 8, activation: sigmoid}
                decoder:
                  - dense: {units: 32, activation: relu}
                  - dense: {units: 784, activation: sigmoid}
                """;
        FAMILIES.put("autoencoder", "id: autoencoder\n" + denseStacks);
        FAMILIES.put("denoising_autoencoder", "id: denoising_autoencoder\n" + denseStacks);
        FAMILIES.put("sparse_autoencoder", "id: sparse_autoencoder\n" + denseStacks);
        FAMILIES.put("vae", "id: vae\nlatent_dim: 4\n" + denseStacks);
        FAMILIES.put("conditional_vae", "id: vae\nlatent_dim: 4\nconditional: true\n" + denseStacks);
        FAMILIES.put("stacked_autoencoder", """
                id: stacked_autoencoder
                pretrain_epochs: 1
                pretrain_rate_scale: 0.5
                encoder:
                  - dense: {units: 32, activation: relu}
                """);
        FAMILIES.put("classifier", "id: classifier\nencoder:\n  - dense: {units: 32, activation: relu}\n");
        FAMILIES.put("gan", """
                id: gan
                latent_dim: 8
                generator:
                  - dense: {units: 32, activation: relu}
                  - dense: {units: 784, activation: tanh}
                discriminator:
                  - dense: {units: 32, activation: leaky_relu}
                """);
        FAMILIES.put("unet", "id: unet\ndepth: 1\nfilters: 4\n");
        FAMILIES.put("vqvae", """
                id: vqvae
                codes: 8
                encoder:
                  - conv2d: {filters: 4, kernel: 3, stride: 2, activation: relu}
                  - conv2d: {filters: 4, kernel: 3, stride: 2}
                decoder:
                  - conv2d_transpose: {filters: 4, kernel: 3, stride: 2, activation: relu}
                  - conv2d_transpose: {filters: 1, kernel: 3, stride: 2, activation: sigmoid}
                """);
    }

    @Test
    void everyModelFamilyFollowsACosineScheduleWithWarmUpStepByStep(@TempDir Path runs) throws Exception {
        for (Map.Entry<String, String> family : FAMILIES.entrySet()) {
            Path run = train(runs, experiment(family.getValue(), COSINE, ""), Fixtures.REGISTRY);
            Map<Long, Double> rates = metric(run, "train_learning_rate");
            assertEquals((long) STEPS_PER_EPOCH * EPOCHS, rates.size(), family.getKey() + " logs a rate every step");
            for (Map.Entry<Long, Double> rate : rates.entrySet()) {
                // the stacked autoencoder pre-trains its layer (steps 1-4) at pretrain_rate_scale times the rate
                double scale = family.getKey().equals("stacked_autoencoder") && rate.getKey() <= STEPS_PER_EPOCH ? 0.5 : 1;
                assertEquals(cosine(rate.getKey(), scale), rate.getValue(), 1e-9, family.getKey() + " at step "
                        + rate.getKey());
            }
            assertFalse(metric(run, family.getKey().equals("gan") ? "train_grad_norm_generator" : "train_grad_norm")
                    .isEmpty(), family.getKey() + " logs its gradient norm");
        }
    }

    @Test
    void aRunStoppedMidScheduleResumesToTheSameRatesAndLosses(@TempDir Path runs) throws Exception {
        String text = experiment(FAMILIES.get("vae"), COSINE + "optimizers:\n  decoder: {id: rmsprop, learning_rate: 0.001,"
                + " schedule: {id: reduce_on_plateau, patience: 0, threshold: 0.9}}\n", "evaluate_every: 1", 3);
        Path straight = train(runs, text, Fixtures.REGISTRY);
        CheckedExperiment checked = new ExperimentReader(Fixtures.REGISTRY).check(Path.of("scheduled.experiment.yaml"), text);
        ExperimentRunner stopping = new ExperimentRunner(Fixtures.REGISTRY);
        AtomicInteger epochs = new AtomicInteger();
        Path stopped = stopping.run(checked, runs, (line, end) -> {
            if (end && epochs.incrementAndGet() == 1) {
                stopping.cancel(); // after epoch 1: the cosine is past its warm-up; the plateau schedule has seen one evaluation
            }
        });
        assertTrue(Files.readString(stopped.resolve(RunDirectory.STATUS)).startsWith("stopped"));
        new ExperimentRunner(Fixtures.REGISTRY).resume(stopped, checked, (line, end) -> { });
        for (String name : List.of("train_learning_rate_encoder", "train_learning_rate_decoder", "train_loss")) {
            assertEquals(metric(straight, name), metric(stopped, name), name);
        }
        Map<Long, Double> decoder = metric(straight, "train_learning_rate_decoder");
        assertTrue(decoder.get(12L) < decoder.get(1L), "the plateau schedule reduced the decoder's rate: " + decoder);
    }

    @Test
    void clippingByNormLimitsTheStepAndTheUnclippedNormIsLogged(@TempDir Path runs) throws Exception {
        String sgd = "optimizer: {id: sgd, learning_rate: 0.5}\n";
        Path free = train(runs, experiment(FAMILIES.get("autoencoder"), sgd, ""), Fixtures.REGISTRY);
        Path clipped = train(runs, experiment(FAMILIES.get("autoencoder"), sgd, "clip_norm: 0.001"), Fixtures.REGISTRY);
        // the first step's gradient is the same; only its use differs
        assertEquals(metric(free, "train_grad_norm").get(1L), metric(clipped, "train_grad_norm").get(1L), 1e-6);
        double freeLoss = metric(free, "train_loss").get(8L);
        double clippedLoss = metric(clipped, "train_loss").get(8L);
        double start = metric(clipped, "train_loss").get(1L);
        assertTrue(Math.abs(clippedLoss - start) < Math.abs(freeLoss - start) / 10, "clipped steps barely move: "
                + start + " -> " + clippedLoss + " (unclipped: " + freeLoss + ")");
        assertTrue(Files.readString(clipped.resolve(RunDirectory.RESOLVED)).contains("\"clip_norm\": 0.001"));
    }

    @Test
    void perNetworkOptimizersAreCheckedAgainstTheModelsNetworks() throws Exception {
        String onlyEncoder = experiment(FAMILIES.get("vae"), "optimizers:\n  encoder: {id: adam}\n", "");
        InvalidExperimentException missing = assertThrows(InvalidExperimentException.class,
                () -> new ExperimentReader(Fixtures.REGISTRY).check(Path.of("a.experiment.yaml"), onlyEncoder));
        assertTrue(missing.getMessage().contains("optimizers: no optimizer for decoder: give 'optimizer:' for every network"
                + " without its own, or an entry under 'optimizers:' for each"), missing.getMessage());
        String decoderOfAnAutoencoder = experiment(FAMILIES.get("autoencoder"),
                "optimizer: {id: adam}\noptimizers:\n  decoder: {id: sgd}\n", "");
        InvalidExperimentException unknown = assertThrows(InvalidExperimentException.class,
                () -> new ExperimentReader(Fixtures.REGISTRY).check(Path.of("b.experiment.yaml"), decoderOfAnAutoencoder));
        assertTrue(unknown.getMessage().contains("'decoder' is not a network of model 'autoencoder'; networks that may"
                + " have their own optimizer: autoencoder"), unknown.getMessage());
        // the VQ-VAE's codebook takes its own optimizer
        String codebook = experiment(FAMILIES.get("vqvae"), "optimizers:\n  encoder: {id: adam}\n  decoder: {id: adam}\n"
                + "  codebook: {id: sgd, learning_rate: 0.1}\n", "");
        new ExperimentReader(Fixtures.REGISTRY).check(Path.of("c.experiment.yaml"), codebook);
    }

    @Test
    void aSkipConnectionAndAnAddWrittenInTheStacksTrain(@TempDir Path runs) throws Exception {
        Path run = train(runs, experiment("""
                id: autoencoder
                encoder:
                  - dense: {units: 64, activation: relu, name: wide}
                  - dense: {units: 8, activation: relu}
                decoder:
                  - dense: {units: 64, activation: relu}
                  - add: {inputs: [decoder1, wide]}
                  - concat: {inputs: [decoder2, wide]}
                  - dense: {units: 784, activation: sigmoid}
                """, COSINE, ""), Fixtures.REGISTRY);
        assertTrue(Files.readString(run.resolve(RunDirectory.STATUS)).startsWith("completed"));
        List<String> nodes = new ExperimentRunner(Fixtures.REGISTRY).networks(new ExperimentReader(Fixtures.REGISTRY)
                .read(run.resolve(RunDirectory.SNAPSHOT))).get(0).nodes().stream()
                .map(node -> node.name() + " <- " + node.inputs()).toList();
        assertTrue(nodes.contains("decoder2 <- [decoder1, wide]") && nodes.contains("decoder3 <- [decoder2, wide]"),
                nodes.toString());
    }

    /** A loss from another bundle: mean absolute error. */
    private static final class AbsoluteError extends AbstractContribution
            implements LossFactory {
        AbsoluteError() {
            super("l1", "Mean absolute error", "|prediction - target|", ParameterSchema.EMPTY);
        }

        @Override
        public Loss create(Parameters parameters) {
            return new Loss() {
                private INDArray difference;

                @Override
                public double forward(List<INDArray> predictions, INDArray target) {
                    difference = predictions.get(0).sub(target);
                    return Transforms.abs(difference, true).meanNumber().doubleValue();
                }

                @Override
                public List<INDArray> backward() {
                    return List.of(Transforms.sign(difference, true).divi(difference.length()));
                }
            };
        }
    }

    /** sqrt(x - 10): NaN for any pixel value, as a careless plugin's activation might be. */
    private static final class ShiftedSqrt extends ElementwiseActivation {
        ShiftedSqrt() {
            super("shifted_sqrt", "Shifted square root", "sqrt(x - 10)", ParameterSchema.EMPTY);
        }

        @Override
        protected void apply(INDArray x, INDArray y, Parameters parameters) {
            Transforms.sqrt(y.assign(x).subi(10), false);
        }

        @Override
        protected void backward(INDArray x, INDArray y, INDArray gradient, INDArray dx, Parameters parameters) {
            dx.assign(gradient).divi(y).muli(0.5);
        }
    }

    private static ContributionRegistry withPlugins(Contribution... plugins) {
        ContributionTable table = new ContributionTable();
        for (Class<? extends Contribution> type : ContributionKind.all().stream().map(ContributionKind::serviceType)
                .toList()) {
            Fixtures.REGISTRY.list(type).forEach(registered -> {
                if (registered.kind().serviceType() == type) {
                    table.add(registered);
                }
            });
        }
        for (Contribution plugin : plugins) {
            table.add(new RegisteredContribution<>(plugin, ContributionKind.of(plugin), "org.example.plugin", "1.0.0"));
        }
        return table;
    }

    @Test
    void aModelsLossIsChosenByIdAmongTheInstalledOnesAPluginsIncluded(@TempDir Path runs) throws Exception {
        ContributionRegistry registry = withPlugins(new AbsoluteError());
        Path run = train(runs, experiment(FAMILIES.get("autoencoder") + "loss: l1\n", COSINE, ""), registry);
        String summary = Files.readString(run.resolve(RunDirectory.SUMMARY));
        assertTrue(summary.contains("\"headline_metric\": \"test_l1\"") && summary.contains("\"test_l1\""), summary);
        assertTrue(Files.readString(run.resolve(RunDirectory.BUNDLES)).contains("org.example.plugin"));
        InvalidExperimentException e = assertThrows(InvalidExperimentException.class, () -> new ExperimentReader(
                Fixtures.REGISTRY).check(Path.of("l.experiment.yaml"), experiment(FAMILIES.get("autoencoder") + "loss: l2\n",
                        COSINE, "")));
        assertTrue(e.getMessage().contains("model.loss: autoencoder: unknown loss 'l2'"), e.getMessage());
    }

    @Test
    void aNanFromAPluginActivationOnTheDecoderIsBlamedOnThatPluginAndTheRunFails(@TempDir Path runs) throws Exception {
        ContributionRegistry registry = withPlugins(new ShiftedSqrt());
        String vae = FAMILIES.get("vae").replace("- dense: {units: 32, activation: relu}\n  - dense: {units: 784",
                "- dense: {units: 32, activation: shifted_sqrt}\n  - dense: {units: 784");
        assertTrue(vae.contains("shifted_sqrt"));
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> train(runs, experiment(vae, COSINE, ""),
                registry));
        assertTrue(e.getMessage().startsWith("at step 1,") && e.getMessage().contains("in the output of activation"
                + " 'shifted_sqrt' (shifted_sqrt from org.example.plugin 1.0.0) attached to layer 'decoder1' (dense from"
                + " static 0.0.0) in network 'decoder'"), e.getMessage());
        List<Path> made = new ArrayList<>();
        try (var listing = Files.list(runs)) {
            listing.forEach(made::add);
        }
        assertEquals(1, made.size());
        String status = Files.readString(made.get(0).resolve(RunDirectory.STATUS));
        assertTrue(status.startsWith("failed") && status.contains("org.example.plugin 1.0.0"), status);
    }
}
