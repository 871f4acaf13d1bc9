package io.latentlab.datasets.files;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.service.component.annotations.Component;

import io.latentlab.core.AbstractContribution;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
import io.latentlab.core.data.Dataset;
import io.latentlab.core.data.DatasetException;
import io.latentlab.core.data.DatasetFactory;
import io.latentlab.core.layer.Shape;
import io.latentlab.nd4j.Nd4jRuntime;

/**
 * Images (PNG, JPEG, ...) in a folder with {@code train/} and {@code test/} sub-folders, each
 * holding one sub-folder per label (label order: sorted names). Resized, grey or RGB, in [0, 1].
 */
@Component(service = DatasetFactory.class)
public final class ImageFolderDataset extends AbstractContribution implements DatasetFactory {

    /** Contribution id. */
    public static final String ID = "image_folder";

    /** Creates the contribution. */
    public ImageFolderDataset() {
        super(ID, "Image folder", "Images in train/<label>/ and test/<label>/ folders, resized to one size.",
                Settings.class);
    }

    /** The image folder's settings. */
    record Settings(
            @Setting(doc = "the folder holding train/ and test/ (relative to the experiment file)") String directory,
            @Setting(doc = "images are resized to this width", defaultValue = "28", min = 1, max = 4096, unit = "px") int width,
            @Setting(doc = "images are resized to this height", defaultValue = "28", min = 1, max = 4096, unit = "px")
            int height,
            @Setting(doc = "one grey channel or three colour channels", defaultValue = "grey", choices = {"grey", "rgb"})
            String color) {
    }

    @Override
    public Dataset load(Parameters parameters, Path baseDirectory) throws DatasetException {
        Nd4jRuntime.initialize();
        Path root = baseDirectory.resolve(parameters.as(Settings.class).directory());
        List<String> labels = labels(root.resolve("train"));
        int width = parameters.as(Settings.class).width();
        int height = parameters.as(Settings.class).height();
        int channels = "rgb".equals(parameters.as(Settings.class).color()) ? 3 : 1;
        INDArray[] train = read(root.resolve("train"), labels, width, height, channels);
        INDArray[] test = read(root.resolve("test"), labels, width, height, channels);
        return new Dataset("images in " + root, Shape.of(channels, height, width), train[0], train[1], test[0], test[1],
                labels.size());
    }

    private static List<String> labels(Path folder) throws DatasetException {
        try (Stream<Path> children = Files.list(folder)) {
            List<String> labels = children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            if (labels.isEmpty()) {
                throw new DatasetException(folder + " has no label sub-folders (expected e.g. " + folder + "/cats/)");
            }
            return labels;
        } catch (DatasetException e) {
            throw e;
        } catch (IOException e) {
            throw new DatasetException("cannot list " + folder + ": " + e.getMessage());
        }
    }

    private static INDArray[] read(Path folder, List<String> labels, int width, int height, int channels)
            throws DatasetException {
        List<float[]> images = new ArrayList<>();
        List<Float> classes = new ArrayList<>();
        for (int label = 0; label < labels.size(); label++) {
            Path labelFolder = folder.resolve(labels.get(label));
            if (!Files.isDirectory(labelFolder)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> children = Files.list(labelFolder)) {
                files = children.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                throw new DatasetException("cannot list " + labelFolder + ": " + e.getMessage());
            }
            for (Path file : files) {
                images.add(pixels(file, width, height, channels));
                classes.add((float) label);
            }
        }
        if (images.isEmpty()) {
            throw new DatasetException(folder + " holds no images in its label folders " + labels);
        }
        float[] column = new float[classes.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = classes.get(i);
        }
        INDArray x = Nd4j.createFromArray(images.toArray(float[][]::new)).reshape(images.size(), channels, height, width);
        return new INDArray[] {x, Nd4j.createFromArray(column).reshape(column.length, 1)};
    }

    /** The largest image decoded: 64 megapixels (an 8000x8000 photograph), 256 MB as ARGB. */
    private static final long MAX_PIXELS = 64L << 20;

    /** Reads the size from the image's header, so that a 40000x40000 image is refused before it is decoded. */
    private static void requireDecodableSize(Path file) throws IOException, DatasetException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return; // not an image: said by the caller
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new DatasetException(file + ": " + reader.getWidth(0) + "x" + reader.getHeight(0) + " pixels is"
                            + " larger than the " + (MAX_PIXELS >> 20) + " megapixels an image may have here; scale it down"
                            + " first");
                }
            } finally {
                reader.dispose();
            }
        }
    }

    private static float[] pixels(Path file, int width, int height, int channels) throws DatasetException {
        BufferedImage source;
        try {
            requireDecodableSize(file);
            source = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new DatasetException(file + ": unreadable image: " + e.getMessage());
        }
        if (source == null) {
            throw new DatasetException(file + ": not an image format this Java can read (PNG, JPEG, GIF, BMP)");
        }
        BufferedImage resized = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = resized.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(source, 0, 0, width, height, null);
        graphics.dispose();
        float[] values = new float[channels * width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = resized.getRGB(x, y);
                float r = ((rgb >> 16) & 0xff) / 255f;
                float g = ((rgb >> 8) & 0xff) / 255f;
                float b = (rgb & 0xff) / 255f;
                if (channels == 1) {
                    values[y * width + x] = 0.299f * r + 0.587f * g + 0.114f * b;
                } else {
                    values[y * width + x] = r;
                    values[width * height + y * width + x] = g;
                    values[2 * width * height + y * width + x] = b;
                }
            }
        }
        return values;
    }
}
