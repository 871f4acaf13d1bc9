package io.latentlab.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.latentlab.core.ContributionKind;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.ContributionTable;
import io.latentlab.core.Parameters;
import io.latentlab.core.RegisteredContribution;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.optim.OptimizerChoice;
import io.latentlab.engine.ArrayBatchSource;
import io.latentlab.engine.Checkpoint;
import io.latentlab.engine.ContributionRemovedException;
import io.latentlab.engine.ModelStep;
import io.latentlab.engine.NetworkSpec;
import io.latentlab.engine.NonFiniteException;
import io.latentlab.engine.Trainer;
import io.latentlab.engine.TrainingListener;
import io.latentlab.engine.TrainingState;
import io.latentlab.layers.core.Dense;
import io.latentlab.layers.core.Dropout;
import io.latentlab.layers.core.activation.Relu;
import io.latentlab.layers.core.activation.Sigmoid;
import io.latentlab.layers.core.loss.BinaryCrossEntropy;
import io.latentlab.nd4j.Nd4jRuntime;
import io.latentlab.optimizers.core.Adam;

/**
 * The training loop over the engine's step: learning, repeatability, checkpoint resumption,
 * NaN detection, uninstalled contributions.
 */
class TrainingTest {

    private static final Dense DENSE = new Dense();
    private static final ContributionRegistry REGISTRY = ContributionRegistry.of(DENSE, new Dropout(), new Relu(),
            new Sigmoid(), new BinaryCrossEntropy(), new Adam());

    static final NetworkSpec AUTOENCODER = NetworkSpec.sequential(Shape.of(16), List.of(
            NetworkSpec.layer("enc", "dense", "units", 8, "activation", "relu", "initializer", "he_normal"),
            NetworkSpec.layer("drop", "dropout", "rate", 0.2),
            NetworkSpec.layer("code", "dense", "units", 4, "activation", "relu"),
            NetworkSpec.layer("dec", "dense", "units", 16, "activation", "sigmoid")));

    private record Run(ReconstructionModel model, ModelStep step, Trainer trainer) {
    }

    static INDArray data() {
        Nd4jRuntime.initialize();
        // 64 examples in [0, 1], made of 4 prototypes plus noise, so there is structure to learn.
        double[][] rows = new double[64][16];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 16; j++) {
                rows[i][j] = Math.min(1, Math.max(0, ((j / 4 == i % 4) ? 0.9 : 0.1) + 0.05 * (random.nextDouble() - 0.5)));
            }
        }
        return Nd4j.createFromArray(rows).castTo(DataType.FLOAT);
    }

    static OptimizerChoice adam(double rate) {
        return new OptimizerChoice(Adam.ID, Parameters.of(new Adam().schema(), Map.of("learning_rate", rate)));
    }

    private static Run run(long seed, int epochs) {
        ReconstructionModel model = new ReconstructionModel(AUTOENCODER, REGISTRY, DataType.FLOAT, seed);
        ArrayBatchSource source = new ArrayBatchSource(data(), null, 16, true, seed);
        ModelStep step = new ModelStep(model, Map.of(OptimizerChoice.DEFAULT_KEY, adam(0.01)), REGISTRY, 5.0, 0,
                source.batchesPerEpoch() * epochs);
        return new Run(model, step, new Trainer((batch, number) -> step.step(batch.features(), batch.labels(), number),
                source, epochs));
    }

    private static List<Double> losses(Trainer trainer, TrainingState start) {
        List<Double> losses = new ArrayList<>();
        trainer.addListener(new TrainingListener() {
            @Override
            public void stepDone(TrainingState state, Map<String, Double> metrics) {
                losses.add(metrics.get("loss"));
            }
        });
        trainer.run(start);
        return losses;
    }

    @Test
    void lossFallsOnDataWithStructure() {
        List<Double> losses = losses(run(1, 30).trainer(), TrainingState.START);
        double first = losses.subList(0, 4).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double last = losses.subList(losses.size() - 4, losses.size()).stream().mapToDouble(Double::doubleValue).average()
                .orElseThrow();
        assertTrue(last < 0.7 * first, "loss went from " + first + " to " + last);
    }

    @Test
    void sameSeedGivesIdenticalLosses() {
        assertEquals(losses(run(5, 3).trainer(), TrainingState.START), losses(run(5, 3).trainer(), TrainingState.START));
    }

    @Test
    void resumingFromACheckpointReachesTheSameNumbersAsAnUninterruptedRun(@TempDir Path directory) throws Exception {
        Run straight = run(9, 3);
        List<Double> straightLosses = losses(straight.trainer(), TrainingState.START);

        Run interrupted = run(9, 3);
        interrupted.trainer().addListener(new TrainingListener() {
            @Override
            public void stepDone(TrainingState state, Map<String, Double> metrics) {
                if (state.step() == 6) { // mid-epoch (4 batches per epoch)
                    interrupted.trainer().cancel();
                }
            }
        });
        TrainingState reached = interrupted.trainer().run(TrainingState.START);
        assertEquals(6, reached.step());
        Path file = directory.resolve("step6.ckpt");
        Checkpoint.saveArrays(file, interrupted.step().state(), Map.of("step", "6"));

        Run resumed = run(9, 3);
        resumed.model().network().parameters().assign(0); // prove the values come from the file
        resumed.step().restore(Checkpoint.loadArrays(file, new LinkedHashMap<>()), 6);
        assertEquals(6, resumed.step().updates("network"));
        List<Double> resumedLosses = losses(resumed.trainer(), reached);

        assertEquals(straightLosses.subList(6, straightLosses.size()), resumedLosses);
        assertEquals(straight.model().network().parameters(), resumed.model().network().parameters());
    }

    @Test
    void aNonFiniteParameterStopsTheRunNamingTheLayerTheValueAndTheStep() {
        Run run = run(2, 1);
        run.model().network().store().values("code").get("b").putScalar(0, 1, Double.NaN);
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> run.trainer().run(TrainingState.START));
        assertTrue(e.getMessage().startsWith("at step 1, the gradient norm became NaN: NaN in the parameter 'b' (before this pass) of"
                + " layer 'code' (dense from static 0.0.0) of network 'network'"), e.getMessage());
    }

    @Test
    void uninstallingAContributionInUseStopsTheRunWithAClearMessage() throws Exception {
        ContributionTable registry = new ContributionTable();
        registry.add(new RegisteredContribution<>(DENSE, ContributionKind.LAYER, "io.example.layers", "1.0.0"));
        Run run = run(4, 5);
        try (AutoCloseable watch = run.trainer().watch(registry, run.model().network().contributionIds())) {
            run.trainer().addListener(new TrainingListener() {
                @Override
                public void stepDone(TrainingState state, Map<String, Double> metrics) {
                    if (state.step() == 2) {
                        registry.remove(DENSE);
                    }
                }
            });
            ContributionRemovedException e = assertThrows(ContributionRemovedException.class,
                    () -> run.trainer().run(TrainingState.START));
            assertTrue(e.getMessage().contains("layer 'dense' was uninstalled (bundle io.example.layers 1.0.0)"), e.getMessage());
        }
    }
}
