package @@PACKAGE@@;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.optim.LearningRateSchedule;
import io.latentlab.core.optim.ScheduleFactory;

/**
 * @@NAME@@: inverse square-root decay, rate = base / sqrt(1 + (step - 1) / decay_steps). The
 * engine asks {@code rate(base, step, total)} at every step (from 1) and adds any
 * {@code warmup_steps} the experiment gives in front of it.
 */
@Component(service = ScheduleFactory.class)
public final class @@CLASS@@ extends AbstractContribution implements ScheduleFactory {

    /** The id experiments write: {@code optimizer: {id: adam, schedule: {id: @@ID@@, decay_steps: 100}}}. */
    public static final String ID = "@@ID@@";

    /** Creates the contribution (Declarative Services calls this). */
    public @@CLASS@@() {
        super(ID, "@@NAME@@", "rate = base / sqrt(1 + (step - 1) / decay_steps).", ParameterSchema.builder()
                .integer("decay_steps", 100L, 1L, null, "steps", "steps after which the rate is base / sqrt 2").build());
    }

    @Override
    public LearningRateSchedule create(Parameters parameters) {
        double decaySteps = parameters.getLong("decay_steps");
        return (base, step, total) -> base / Math.sqrt(1 + (step - 1) / decaySteps);
    }
}
