package io.latentlab.models.ae;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.model.ModelFactory;

/** Denoising autoencoder: trained to map x + N(0, noise_std^2) (clipped) back to x; reports PSNR before and after. */
@Component(service = ModelFactory.class)
public final class DenoisingAutoencoder extends Autoencoder {

    /** Contribution id. */
    public static final String ID = "denoising_autoencoder";

    /** Creates the contribution. */
    public DenoisingAutoencoder() {
        super(ID, "Denoising autoencoder", "Reconstructs clean inputs from noisy ones; reports PSNR before and after.",
                0.5, 0.0);
    }
}
