package @@PACKAGE@@;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
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
        super(ID, "@@NAME@@", "rate = base / sqrt(1 + (step - 1) / decay_steps).", Settings.class);
    }

    /** The parameters, declared once (experiments write decay_steps). */
    record Settings(@Setting(doc = "steps after which the rate is base / sqrt 2", defaultValue = "100", min = 1,
            unit = "steps") long decaySteps) {
    }

    @Override
    public LearningRateSchedule create(Parameters parameters) {
        double decaySteps = parameters.as(Settings.class).decaySteps();
        return (base, step, total) -> base / Math.sqrt(1 + (step - 1) / decaySteps);
    }
}
