package io.latentlab.augmentations.core;

import java.util.SplittableRandom;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.data.Augmentation;
import io.latentlab.core.data.AugmentationFactory;

/** The built-in augmentations, one DS component each. */
public final class Augmentations {

    private Augmentations() {
    }

    /** x + N(0, std^2), clipped to [0, 1]. */
    @Component(service = AugmentationFactory.class)
    public static final class GaussianNoise extends AbstractContribution implements AugmentationFactory {

        /** Contribution id. */
        public static final String ID = "gaussian_noise";

        /** Creates the contribution. */
        public GaussianNoise() {
            super(ID, "Gaussian noise", "Adds N(0, std^2) to every value, then clips to [0, 1].",
                    ParameterSchema.builder().number("std", 0.1, 0.0, 10.0, "", "noise standard deviation").build());
        }

        @Override
        public Augmentation create(Parameters parameters) {
            double std = parameters.getDouble("std");
            return (batch, random) -> {
                Images images = new Images(batch);
                for (float[] image : images.values) {
                    for (int i = 0; i < image.length; i++) {
                        image[i] = (float) Math.max(0, Math.min(1, image[i] + std * gaussian(random)));
                    }
                }
                return images.toArray();
            };
        }
    }

    /** Sets a fraction of values to 0 or 1. */
    @Component(service = AugmentationFactory.class)
    public static final class SaltAndPepper extends AbstractContribution implements AugmentationFactory {

        /** Contribution id. */
        public static final String ID = "salt_pepper";

        /** Creates the contribution. */
        public SaltAndPepper() {
            super(ID, "Salt-and-pepper noise", "Sets a random fraction of values to 0 or 1.",
                    ParameterSchema.builder().number("fraction", 0.05, 0.0, 1.0, "", "share of values changed").build());
        }

        @Override
        public Augmentation create(Parameters parameters) {
            double fraction = parameters.getDouble("fraction");
            return (batch, random) -> {
                Images images = new Images(batch);
                for (float[] image : images.values) {
                    for (int i = 0; i < image.length; i++) {
                        if (random.nextDouble() < fraction) {
                            image[i] = random.nextBoolean() ? 1f : 0f;
                        }
                    }
                }
                return images.toArray();
            };
        }
    }

    /** Masks a random size x size square of every image (all channels) to 0. */
    @Component(service = AugmentationFactory.class)
    public static final class Occlusion extends AbstractContribution implements AugmentationFactory {

        /** Contribution id. */
        public static final String ID = "occlusion";

        /** Creates the contribution. */
        public Occlusion() {
            super(ID, "Occlusion", "Masks a random square of each image to 0.",
                    ParameterSchema.builder().integer("size", 8L, 1L, 4096L, "px", "side of the square").build());
        }

        @Override
        public boolean needsImages() {
            return true;
        }

        @Override
        public Augmentation create(Parameters parameters) {
            int size = parameters.getInt("size");
            return (batch, random) -> {
                Images images = new Images(batch);
                int side = Math.min(size, Math.min(images.height, images.width));
                for (float[] image : images.values) {
                    int top = random.nextInt(images.height - side + 1);
                    int left = random.nextInt(images.width - side + 1);
                    for (int c = 0; c < images.channels; c++) {
                        for (int y = top; y < top + side; y++) {
                            for (int x = left; x < left + side; x++) {
                                image[images.index(c, y, x)] = 0f;
                            }
                        }
                    }
                }
                return images.toArray();
            };
        }
    }

    /** Shifts every image by a random whole number of pixels in each direction, filling with 0. */
    @Component(service = AugmentationFactory.class)
    public static final class Shift extends AbstractContribution implements AugmentationFactory {

        /** Contribution id. */
        public static final String ID = "shift";

        /** Creates the contribution. */
        public Shift() {
            super(ID, "Random shift", "Moves each image by up to max_pixels in x and y, filling with 0.",
                    ParameterSchema.builder().integer("max_pixels", 2L, 0L, 1024L, "px", "largest shift").build());
        }

        @Override
        public boolean needsImages() {
            return true;
        }

        @Override
        public Augmentation create(Parameters parameters) {
            int most = parameters.getInt("max_pixels");
            return (batch, random) -> {
                Images images = new Images(batch);
                for (int n = 0; n < images.count; n++) {
                    int dy = random.nextInt(2 * most + 1) - most;
                    int dx = random.nextInt(2 * most + 1) - most;
                    images.values[n] = shifted(images, images.values[n], dy, dx);
                }
                return images.toArray();
            };
        }

        static float[] shifted(Images images, float[] image, int dy, int dx) {
            float[] moved = new float[image.length];
            for (int c = 0; c < images.channels; c++) {
                for (int y = 0; y < images.height; y++) {
                    for (int x = 0; x < images.width; x++) {
                        int sy = y - dy;
                        int sx = x - dx;
                        if (sy >= 0 && sy < images.height && sx >= 0 && sx < images.width) {
                            moved[images.index(c, y, x)] = image[images.index(c, sy, sx)];
                        }
                    }
                }
            }
            return moved;
        }
    }

    /** Mirrors each image left-right with probability {@code probability}. */
    @Component(service = AugmentationFactory.class)
    public static final class HorizontalFlip extends AbstractContribution implements AugmentationFactory {

        /** Contribution id. */
        public static final String ID = "flip";

        /** Creates the contribution. */
        public HorizontalFlip() {
            super(ID, "Horizontal flip", "Mirrors images left-right at random (not for digits, whose shape matters).",
                    ParameterSchema.builder().number("probability", 0.5, 0.0, 1.0, "", "chance of flipping each image")
                            .build());
        }

        @Override
        public boolean needsImages() {
            return true;
        }

        @Override
        public Augmentation create(Parameters parameters) {
            double probability = parameters.getDouble("probability");
            return (batch, random) -> {
                Images images = new Images(batch);
                for (float[] image : images.values) {
                    if (random.nextDouble() < probability) {
                        for (int c = 0; c < images.channels; c++) {
                            for (int y = 0; y < images.height; y++) {
                                for (int x = 0; x < images.width / 2; x++) {
                                    int left = images.index(c, y, x);
                                    int right = images.index(c, y, images.width - 1 - x);
                                    float swap = image[left];
                                    image[left] = image[right];
                                    image[right] = swap;
                                }
                            }
                        }
                    }
                }
                return images.toArray();
            };
        }
    }

    /** Rotates each image about its centre by a random angle in [-max_degrees, max_degrees] (bilinear, 0 outside). */
    @Component(service = AugmentationFactory.class)
    public static final class Rotation extends AbstractContribution implements AugmentationFactory {

        /** Contribution id. */
        public static final String ID = "rotate";

        /** Creates the contribution. */
        public Rotation() {
            super(ID, "Random rotation", "Rotates each image about its centre by up to max_degrees either way.",
                    ParameterSchema.builder().number("max_degrees", 15.0, 0.0, 180.0, "degrees", "largest rotation").build());
        }

        @Override
        public boolean needsImages() {
            return true;
        }

        @Override
        public Augmentation create(Parameters parameters) {
            double most = Math.toRadians(parameters.getDouble("max_degrees"));
            return (batch, random) -> {
                Images images = new Images(batch);
                for (int n = 0; n < images.count; n++) {
                    double angle = (2 * random.nextDouble() - 1) * most;
                    double cos = Math.cos(angle);
                    double sin = Math.sin(angle);
                    images.values[n] = images.sampled(images.values[n], cos, sin, -sin, cos);
                }
                return images.toArray();
            };
        }
    }

    /** Scales each image about its centre by a random factor in [min, max] (bilinear, 0 outside). */
    @Component(service = AugmentationFactory.class)
    public static final class Scaling extends AbstractContribution implements AugmentationFactory {

        /** Contribution id. */
        public static final String ID = "scale";

        /** Creates the contribution. */
        public Scaling() {
            super(ID, "Random scaling", "Zooms each image about its centre by a factor drawn from [min, max].",
                    ParameterSchema.builder()
                            .number("min", 0.9, 0.1, 10.0, "", "smallest factor (below 1 shrinks)")
                            .number("max", 1.1, 0.1, 10.0, "", "largest factor (above 1 enlarges)")
                            .build());
        }

        @Override
        public boolean needsImages() {
            return true;
        }

        @Override
        public Augmentation create(Parameters parameters) {
            double low = Math.min(parameters.getDouble("min"), parameters.getDouble("max"));
            double high = Math.max(parameters.getDouble("min"), parameters.getDouble("max"));
            return (batch, random) -> {
                Images images = new Images(batch);
                for (int n = 0; n < images.count; n++) {
                    double inverse = 1 / (low + (high - low) * random.nextDouble());
                    images.values[n] = images.sampled(images.values[n], inverse, 0, 0, inverse);
                }
                return images.toArray();
            };
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

}
