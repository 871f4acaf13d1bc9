package io.latentlab.optimizers.core;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.optim.OptimizerFactory;

/** AdamW: Adam with decoupled weight decay (Loshchilov and Hutter), default decay 0.01. */
@Component(service = OptimizerFactory.class)
public final class AdamW extends Adam {

    /** Contribution id. */
    public static final String ID = "adamw";

    /** Creates the contribution. */
    public AdamW() {
        super(ID, "AdamW", "Adam with decoupled weight decay: w -= learning_rate * weight_decay * w each step.", 0.01);
    }
}
