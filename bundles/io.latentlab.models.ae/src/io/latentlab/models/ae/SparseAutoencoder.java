package io.latentlab.models.ae;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.model.ModelFactory;

/** Sparse autoencoder: a KL penalty keeps each code unit's mean activation near sparsity_target (over-complete codes allowed). */
@Component(service = ModelFactory.class)
public final class SparseAutoencoder extends Autoencoder {

    /** Contribution id. */
    public static final String ID = "sparse_autoencoder";

    /** Creates the contribution. */
    public SparseAutoencoder() {
        super(ID, "Sparse autoencoder", "Autoencoder with a KL sparsity penalty on the code (sigmoid code units).",
                0.0, 0.1);
    }
}
