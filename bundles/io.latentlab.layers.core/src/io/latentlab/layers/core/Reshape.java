package io.latentlab.layers.core;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
import io.latentlab.core.layer.Layer;
import io.latentlab.core.layer.LayerFactory;

/** Reshapes each example, e.g. a dense output [6272] to an image [128, 7, 7]. */
@Component(service = LayerFactory.class)
public final class Reshape extends AbstractContribution implements LayerFactory {

    /** Contribution id. */
    public static final String ID = "reshape";

    /** Creates the contribution. */
    public Reshape() {
        super(ID, "Reshape", "Gives each example a new shape with the same number of values (C-order).",
                Settings.class);
    }

    /** Reshape's settings. */
    record Settings(@Setting(doc = "the new shape of one example, e.g. [128, 7, 7]", min = 1) List<Long> shape) {
    }

    @Override
    public Layer create(Parameters parameters) {
        return new Flatten.ReshapeLayer(parameters.as(Settings.class).shape().stream().mapToLong(Long::longValue).toArray());
    }
}
