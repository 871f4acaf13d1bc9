package io.latentlab.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.latentlab.core.Contribution;
import io.latentlab.core.ContributionKind;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.ContributionTable;
import io.latentlab.core.Parameters;
import io.latentlab.core.RegisteredContribution;
import io.latentlab.core.layer.Shape;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.TrainedNetwork;
import io.latentlab.core.model.Update;
import io.latentlab.core.optim.OptimizerChoice;
import io.latentlab.core.optim.ScheduleChoice;
import io.latentlab.engine.ModelStep;
import io.latentlab.engine.NetworkSpec;
import io.latentlab.engine.NonFiniteException;
import io.latentlab.layers.core.Dense;
import io.latentlab.layers.core.Dropout;
import io.latentlab.layers.core.activation.Relu;
import io.latentlab.layers.core.activation.Sigmoid;
import io.latentlab.layers.core.loss.BinaryCrossEntropy;
import io.latentlab.optimizers.core.Adam;
import io.latentlab.optimizers.core.Schedules;
import io.latentlab.optimizers.core.Sgd;

/**
 * The engine's step: clipping, schedules with warm-up, metrics of several updates, fresh
 * optimizers, and NaN diagnostics that name the contribution (a plugin's, with its bundle).
 */
class ModelStepTest {

    private static final INDArray X = TrainingTest.data().get(NDArrayIndex.interval(0, 16));

    private static ContributionRegistry registry(Contribution... plugins) {
        ContributionTable table = new ContributionTable();
        for (Contribution core : List.of(new Dense(), new Dropout(), new Relu(), new Sigmoid(), new BinaryCrossEntropy(),
                new Adam(), new Sgd(), new Schedules.Cosine(), new Schedules.ReduceOnPlateau())) {
            table.add(new RegisteredContribution<>(core, ContributionKind.of(core), "io.latentlab.core.bundles", "2.0.0"));
        }
        for (Contribution plugin : plugins) {
            table.add(new RegisteredContribution<>(plugin, ContributionKind.of(plugin), "org.example.faulty", "1.0.0"));
        }
        return table;
    }

    private static OptimizerChoice sgd(double rate) {
        return new OptimizerChoice(Sgd.ID, Parameters.of(new Sgd().schema(), Map.of("learning_rate", rate)));
    }

    private static ReconstructionModel model(ContributionRegistry registry, String decoderActivation) {
        return new ReconstructionModel(NetworkSpec.sequential(Shape.of(16), List.of(
                NetworkSpec.layer("enc", "dense", "units", 8, "activation", "sigmoid"),
                NetworkSpec.layer("dec", "dense", "units", 16, "activation", decoderActivation))), registry, DataType.DOUBLE,
                3);
    }

    @Test
    void clippingRescalesTheUpdateToTheNormLimitAndReportsTheNormBeforeIt() {
        ContributionRegistry registry = registry();
        ReconstructionModel model = model(registry, "sigmoid");
        INDArray start = model.network().parameters().dup();
        model.computeGradients(Update.of("step", "network"), X, null, 1);
        INDArray gradient = model.network().gradients().dup();
        double norm = gradient.norm2Number().doubleValue();

        model.network().parameters().assign(start);
        ModelStep step = new ModelStep(model, Map.of(OptimizerChoice.DEFAULT_KEY, sgd(1.0)), registry, norm / 4, 0, 10);
        Map<String, Double> metrics = step.step(X, null, 1);
        assertEquals(norm, metrics.get(ModelStep.GRADIENT_NORM), 1e-9);
        INDArray moved = start.sub(model.network().parameters());
        assertTrue(moved.equalsWithEps(gradient.mul(0.25), 1e-9), "SGD at rate 1 moves by the clipped gradient");
        assertEquals(1.0, metrics.get(ModelStep.LEARNING_RATE), 0);
    }

    @Test
    void clippingByValueClampsEveryGradientFirst() {
        ContributionRegistry registry = registry();
        ReconstructionModel model = model(registry, "sigmoid");
        INDArray start = model.network().parameters().dup();
        model.computeGradients(Update.of("step", "network"), X, null, 1);
        INDArray clamped = Transforms.min(
                Transforms.max(model.network().gradients(), -1e-3, true), 1e-3, false);

        model.network().parameters().assign(start);
        new ModelStep(model, Map.of(OptimizerChoice.DEFAULT_KEY, sgd(1.0)), registry, 0, 1e-3, 10).step(X, null, 1);
        assertTrue(start.sub(model.network().parameters()).equalsWithEps(clamped, 1e-12));
    }

    @Test
    void aCosineScheduleWithWarmUpGivesTheRateOfItsFormulaAtEveryStep() {
        ContributionRegistry registry = registry();
        Schedules.Cosine cosine = new Schedules.Cosine();
        OptimizerChoice choice = new OptimizerChoice(Sgd.ID, Parameters.of(new Sgd().schema(), Map.of("learning_rate", 0.1)),
                new ScheduleChoice(Schedules.Cosine.ID, Parameters.of(cosine.schema(), Map.of("minimum_rate", 0.01)), 4));
        ModelStep step = new ModelStep(model(registry, "sigmoid"), Map.of(OptimizerChoice.DEFAULT_KEY, choice), registry, 0,
                0, 20);
        for (long s = 1; s <= 20; s++) {
            double expected = s <= 4 ? 0.1 * s / 4
                    : 0.01 + (0.1 - 0.01) * (1 + Math.cos(Math.PI * (s - 4 - 1) / 16)) / 2;
            assertEquals(expected, step.step(X, null, s).get(ModelStep.LEARNING_RATE), 1e-12, "step " + s);
        }
    }

    @Test
    void reduceOnPlateauLowersTheRateWhenEvaluationsStopImprovingForLongerThanItsPatienceAndResumesItsState() {
        ContributionRegistry registry = registry();
        Schedules.ReduceOnPlateau plateau = new Schedules.ReduceOnPlateau();
        OptimizerChoice choice = new OptimizerChoice(Sgd.ID, Parameters.of(new Sgd().schema(), Map.of("learning_rate", 0.1)),
                new ScheduleChoice(Schedules.ReduceOnPlateau.ID, Parameters.of(plateau.schema(), Map.of("patience", 1,
                        "factor", 0.5)), 0));
        ModelStep step = new ModelStep(model(registry, "sigmoid"), Map.of(OptimizerChoice.DEFAULT_KEY, choice), registry, 0,
                0, 20);
        for (double loss : new double[] {1.0, 0.9, 0.95, 0.92}) { // improves, then twice not: one reduction
            step.evaluated(Map.of("test_bce", loss), "test_bce");
        }
        assertEquals(0.05, step.step(X, null, 1).get(ModelStep.LEARNING_RATE), 1e-12);
        Map<String, INDArray> saved = new LinkedHashMap<>();
        step.state().forEach((name, array) -> saved.put(name, array.dup()));

        ModelStep resumed = new ModelStep(model(registry, "sigmoid"), Map.of(OptimizerChoice.DEFAULT_KEY, choice), registry,
                0, 0, 20);
        resumed.restore(saved, 1);
        resumed.evaluated(Map.of("test_bce", 0.93), "test_bce");
        resumed.evaluated(Map.of("test_bce", 0.94), "test_bce"); // two more bad evaluations: another reduction
        assertEquals(0.025, resumed.step(X, null, 2).get(ModelStep.LEARNING_RATE), 1e-12);
    }

    @Test
    void aNanFromAPluginActivationOnTheDecoderIsBlamedOnThePluginAndItsBundle() {
        ContributionRegistry registry = registry(new FaultyActivations.ShiftedSqrt());
        ReconstructionModel model = model(registry, FaultyActivations.ShiftedSqrt.ID);
        ModelStep step = new ModelStep(model, Map.of(OptimizerChoice.DEFAULT_KEY, sgd(0.1)), registry, 0, 0, 10);
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> step.step(X, null, 1));
        // binary cross-entropy clamps its input, so the loss stays finite; the gradient does not
        assertEquals("at step 1, the gradient norm became NaN: NaN in the output of activation 'shifted_sqrt' (shifted_sqrt from"
                + " org.example.faulty 1.0.0) attached to layer 'dec' (dense from io.latentlab.core.bundles 2.0.0) in"
                + " network 'network'", e.getMessage());
    }

    @Test
    void anActivationWhoseGradientHasTheWrongShapeIsNamedWithBothShapes() {
        ContributionRegistry registry = registry(new FaultyActivations.WrongGradientShape());
        ReconstructionModel model = model(registry, FaultyActivations.WrongGradientShape.ID);
        ModelStep step = new ModelStep(model, Map.of(OptimizerChoice.DEFAULT_KEY, sgd(0.1)), registry, 0, 0, 10);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> step.step(X, null, 1));
        assertEquals("activation 'wrong_gradient_shape' (wrong_gradient_shape from org.example.faulty 1.0.0) attached to"
                + " layer 'dec' (dense from io.latentlab.core.bundles 2.0.0) returned the gradient of its input of shape"
                + " [16, 1] in backward where its layer's output has shape [16, 16]", e.getMessage());
    }

    /** Two networks trained in two updates per step, each with its own optimizer choice. */
    private static final class TwoUpdates implements Model {
        final ReconstructionModel first;
        final ReconstructionModel second;

        TwoUpdates(ContributionRegistry registry) {
            first = model(registry, "sigmoid");
            second = model(registry, "sigmoid");
        }

        @Override
        public List<TrainedNetwork> networks() {
            return List.of(new Renamed(first, "first"), new Renamed(second, "second"));
        }

        @Override
        public List<Update> updates(long step) {
            return List.of(Update.of("a", "first"), new Update("b", List.of("second"), 0.5, step == 3));
        }

        @Override
        public Map<String, Double> computeGradients(Update update, INDArray features, INDArray labels, long step) {
            return ("a".equals(update.name()) ? first : second).computeGradients(update, features, labels, step);
        }

        @Override
        public Map<String, Double> evaluate(INDArray features, INDArray labels) {
            return Map.of();
        }

        @Override
        public INDArray sample(INDArray features) {
            return features;
        }

        @Override
        public String headlineMetric() {
            return "loss";
        }

        @Override
        public List<String> contributionIds() {
            return List.of();
        }
    }

    /** A network under another name (so two copies of one model can be told apart). */
    private record Renamed(ReconstructionModel model, String name) implements TrainedNetwork {
        @Override
        public INDArray parameters() {
            return model.network().parameters();
        }

        @Override
        public INDArray gradients() {
            return model.network().gradients();
        }
    }

    @Test
    void aStepOfSeveralUpdatesReportsEachUpdatesNormEachOptimizersRateAndTheSumOfTheLosses() {
        ContributionRegistry registry = registry();
        TwoUpdates model = new TwoUpdates(registry);
        ModelStep step = new ModelStep(model, Map.of(OptimizerChoice.DEFAULT_KEY, sgd(0.1), "second", sgd(0.2)), registry,
                0, 0, 10);
        double a = model.first.computeGradients(null, X, null, 1).get("loss");
        double b = model.second.computeGradients(null, X, null, 1).get("loss");
        Map<String, Double> metrics = step.step(X, null, 1);
        assertEquals(a + b, metrics.get("loss"), 1e-12);
        assertTrue(metrics.containsKey("grad_norm_a") && metrics.containsKey("grad_norm_b"), metrics.toString());
        assertEquals(0.1, metrics.get("learning_rate_first"), 0);
        assertEquals(0.2 * 0.5, metrics.get("learning_rate_second"), 1e-15, "the update's rate scale applies");
        step.step(X, null, 2);
        assertEquals(2, step.updates("second"));
        step.step(X, null, 3); // the second network's optimizer starts afresh at step 3
        assertEquals(1, step.updates("second"));
        assertEquals(3, step.updates("first"));
    }

    @Test
    void aNetworkWithoutAnOptimizerIsRefusedNamingItAndTheKeyToGive() {
        ContributionRegistry registry = registry();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModelStep(new TwoUpdates(registry), Map.of("second", sgd(0.2)), registry, 0, 0, 10));
        assertEquals("network 'first' has no optimizer: give the experiment an 'optimizer:' for every network, or"
                + " 'optimizers: {first: ...}'", e.getMessage());
    }
}
