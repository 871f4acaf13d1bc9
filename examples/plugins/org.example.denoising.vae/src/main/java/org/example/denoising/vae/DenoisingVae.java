package org.example.denoising.vae;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Setting;
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
                Settings.class);
    }

    /** The parameters, declared once: latent_dim, beta and noise_std in experiments. */
    record Settings(
            @Setting(doc = "dimensions of z", defaultValue = "20", min = 1, max = 4096) long latentDim,
            @Setting(doc = "weight of the KL term", defaultValue = "1", min = 0, max = 1000) double beta,
            @Setting(doc = "standard deviation of the Gaussian noise added to inputs", defaultValue = "0.5", min = 0,
                    max = 10) double noiseStd) {
    }

    @Override
    public List<String> stackNames() {
        return List.of("encoder", "decoder");
    }

    @Override
    public Model create(ModelSetup setup) {
        Settings settings = setup.parameters().as(Settings.class);
        return new DenoisingVaeModel(Vae.build(setup, settings.latentDim(), settings.beta(), false, "bce"),
                settings.noiseStd(), setup.seed());
    }
}
