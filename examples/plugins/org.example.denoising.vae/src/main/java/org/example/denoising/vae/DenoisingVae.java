package org.example.denoising.vae;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.model.Model;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.models.vae.Vae;

/**
 * A VAE trained to encode a corrupted image, x + N(0, noise_std^2) clipped to [0, 1], and to
 * reconstruct the clean one. The networks and the loss are the VAE bundle's ({@link Vae#build});
 * the engine trains and checkpoints them. This bundle adds only the corruption and the PSNR metrics.
 */
@Component(service = ModelFactory.class)
public final class DenoisingVae extends AbstractContribution implements ModelFactory {

    /** Contribution id, as experiments write it. */
    public static final String ID = "denoising_vae";

    /** Creates the contribution (DS calls this). */
    public DenoisingVae() {
        super(ID, "Denoising VAE", "A VAE that reconstructs clean images from noisy ones; reports PSNR before and after.",
                ParameterSchema.builder()
                        .integer("latent_dim", 20L, 1L, 4096L, "", "dimensions of z")
                        .number("beta", 1.0, 0.0, 1000.0, "", "weight of the KL term")
                        .number("noise_std", 0.5, 0.0, 10.0, "", "standard deviation of the Gaussian noise added to inputs")
                        .build());
    }

    @Override
    public List<String> stackNames() {
        return List.of("encoder", "decoder");
    }

    @Override
    public Model create(ModelSetup setup) {
        return new DenoisingVaeModel(Vae.build(setup, setup.parameters().getLong("latent_dim"),
                setup.parameters().getDouble("beta"), false, "bce"), setup.parameters().getDouble("noise_std"),
                setup.seed());
    }
}
