package io.latentlab.testkit.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.optim.FlatOptimizer;
import io.latentlab.core.optim.Optimizer;
import io.latentlab.core.optim.OptimizerFactory;
import io.latentlab.optimizers.core.Schedules;
import io.latentlab.optimizers.core.Sgd;
import io.latentlab.testkit.OptimizerCheck;
import io.latentlab.testkit.ScheduleCheck;

/** The optimizer and schedule checks fail where an author went wrong: state kept outside state(), a wrong formula. */
class OptimizerAndScheduleChecksTest {

    /** An optimizer that keeps a step counter outside its state: a checkpoint would lose it. */
    private static final class Forgetful extends AbstractContribution implements OptimizerFactory {
        Forgetful() {
            super("forgetful", "Forgetful", "decays its steps with a counter it does not save",
                    ParameterSchema.builder().number("learning_rate", 0.1, 0.0, 1.0, "", "rate").build());
        }

        @Override
        public Optimizer create(Parameters parameters) {
            return new FlatOptimizer(parameters.getDouble("learning_rate")) {
                private int calls;

                @Override
                public void step(INDArray w, INDArray g, long t,
                        double rate) {
                    w.subi(g.mul(rate / ++calls));
                }
            };
        }
    }

    @Test
    void theKitCatchesStateKeptOutsideStateAndAWrongFormula() {
        AssertionError lost = assertThrows(AssertionError.class, () -> OptimizerCheck.of(new Forgetful(), Map.of()).run());
        Assertions.assertTrue(lost.getMessage().contains("state round trip"), lost.getMessage());
        assertThrows(AssertionError.class, () -> OptimizerCheck.of(new Sgd(), Map.of("learning_rate", 0.1))
                .reference(() -> (w, g, t, rate) -> {
                    for (int i = 0; i < w.length; i++) {
                        w[i] -= 2 * rate * g[i];
                    }
                }).run());
        assertThrows(AssertionError.class, () -> ScheduleCheck.of(new Schedules.Exponential(), Map.of("gamma", 0.99))
                .expect((base, step, total) -> base * Math.pow(0.99, step)).run());
    }
}
