package io.latentlab.augmentations.core;

import java.util.SplittableRandom;

import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
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
                    Settings.class);
        }

        /** Gaussian noise's settings. */
        record Settings(@Setting(doc = "noise standard deviation", defaultValue = "0.1", min = 0, max = 10) double std) {
        }

        @Override
        public Augmentation create(Parameters parameters) {
            double std = parameters.as(Settings.class).std();
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
                    Settings.class);
        }

        /** Salt-and-pepper noise's settings. */
        record Settings(@Setting(doc = "share of values changed", defaultValue = "0.05", min = 0, max = 1) double fraction) {
        }

        @Override
        public Augmentation create(Parameters parameters) {
            double fraction = parameters.as(Settings.class).fraction();
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
                    Settings.class);
        }

        /** Occlusion's settings. */
        record Settings(@Setting(doc = "side of the square", defaultValue = "8", min = 1, max = 4096, unit = "px") int size) {
        }

        @Override
        public boolean needsImages() {
            return true;
        }

        @Override
        public Augmentation create(Parameters parameters) {
            int size = parameters.as(Settings.class).size();
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
                    Settings.class);
        }

        /** Random shift's settings. */
        record Settings(@Setting(doc = "largest shift", defaultValue = "2", min = 0, max = 1024, unit = "px") int maxPixels) {
        }

        @Override
        public boolean needsImages() {
            return true;
        }

        @Override
        public Augmentation create(Parameters parameters) {
            int most = parameters.as(Settings.class).maxPixels();
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
                    Settings.class);
        }

        /** Horizontal flip's settings. */
        record Settings(@Setting(doc = "chance of flipping each image", defaultValue = "0.5", min = 0, max = 1)
                double probability) {
        }

        @Override
        public boolean needsImages() {
            return true;
        }

        @Override
        public Augmentation create(Parameters parameters) {
            double probability = parameters.as(Settings.class).probability();
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
                    Settings.class);
        }

        /** Random rotation's settings. */
        record Settings(@Setting(doc = "largest rotation", defaultValue = "15", min = 0, max = 180, unit = "degrees")
                double maxDegrees) {
        }

        @Override
        public boolean needsImages() {
            return true;
        }

        @Override
        public Augmentation create(Parameters parameters) {
            double most = Math.toRadians(parameters.as(Settings.class).maxDegrees());
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
                    Settings.class);
        }

        /** Random scaling's settings. */
        record Settings(
                @Setting(doc = "smallest factor (below 1 shrinks)", defaultValue = "0.9", min = 0.1, max = 10) double min,
                @Setting(doc = "largest factor (above 1 enlarges)", defaultValue = "1.1", min = 0.1, max = 10) double max) {
        }

        @Override
        public boolean needsImages() {
            return true;
        }

        @Override
        public Augmentation create(Parameters parameters) {
            double low = Math.min(parameters.as(Settings.class).min(), parameters.as(Settings.class).max());
            double high = Math.max(parameters.as(Settings.class).min(), parameters.as(Settings.class).max());
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
