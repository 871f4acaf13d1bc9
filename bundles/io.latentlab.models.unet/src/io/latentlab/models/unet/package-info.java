/** U-Net (Ronneberger et al. 2015) for image-to-image tasks: segmentation and denoising of corrupted inputs. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.latentlab.models.unet;
