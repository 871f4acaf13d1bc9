/** The latent space view: a trained run's test codes by label, an example decoded on click. */
package io.latentlab.ui.latent.internal;
