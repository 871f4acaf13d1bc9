package io.latentlab.datasets.mnist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
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
 * MNIST digits, 28x28 grey images in [0, 1] with labels 0-9. Without a directory it uses the
 * embedded 10,000-image test set, split into training and held-out parts.
 */
@Component(service = DatasetFactory.class)
public final class Mnist extends AbstractContribution implements DatasetFactory {

    /** Contribution id. */
    public static final String ID = "mnist";

    private static final String[] FILES = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
        "t10k-labels-idx1-ubyte"};

    /** Creates the contribution. */
    public Mnist() {
        super(ID, "MNIST", "Handwritten digits 0-9, 28x28 grey; the 10k test set is embedded.",
                Settings.class);
    }

    /** MNIST's settings. */
    record Settings(
            @Setting(doc = "folder with train-/t10k- images and labels (IDX, .gz or not); empty: the embedded 10k test set",
                    defaultValue = "") String directory,
            @Setting(doc = "use at most this many training images (0: all)", defaultValue = "0", min = 0, max = 60_000,
                    unit = "images") int trainLimit,
            @Setting(doc = "use at most this many test images (0: all)", defaultValue = "0", min = 0, max = 10_000,
                    unit = "images") int testLimit,
            @Setting(doc = "with the embedded set: how many of its 10k images are held out for testing",
                    defaultValue = "2000", min = 1, max = 9_999, unit = "images") int embeddedTestImages,
            @Setting(doc = "train only on these digits (e.g. [0] for anomaly detection); empty: all. The test set keeps"
                    + " every digit", defaultValue = "[]", min = 0, max = 9) List<Long> trainDigits) {
    }

    @Override
    public Dataset load(Parameters parameters, Path baseDirectory) throws DatasetException {
        Nd4jRuntime.initialize();
        int trainLimit = parameters.as(Settings.class).trainLimit();
        int testLimit = parameters.as(Settings.class).testLimit();
        String directory = parameters.as(Settings.class).directory();
        if (directory.isBlank()) {
            INDArray[] all = read("embedded " + FILES[2], resource(FILES[2]), "embedded " + FILES[3], resource(FILES[3]), 0);
            int held = parameters.as(Settings.class).embeddedTestImages();
            long count = all[0].size(0);
            INDArray trainX = all[0].get(NDArrayIndex.interval(0, count - held));
            INDArray trainY = all[1].get(NDArrayIndex.interval(0, count - held));
            INDArray testX = all[0].get(NDArrayIndex.interval(count - held, count));
            INDArray testY = all[1].get(NDArrayIndex.interval(count - held, count));
            INDArray[] train = digits(trainX, trainY, parameters);
            return new Dataset("MNIST (embedded 10k test set: " + (count - held) + " train, " + held + " test)",
                    Shape.of(1, 28, 28), limit(train[0], trainLimit), limit(train[1], trainLimit), limit(testX, testLimit),
                    limit(testY, testLimit), 10);
        }
        Path folder = baseDirectory.resolve(directory);
        INDArray[] all = read(folder, FILES[0], FILES[1], 0);
        INDArray[] selected = digits(all[0], all[1], parameters);
        INDArray[] train = {limit(selected[0], trainLimit), limit(selected[1], trainLimit)};
        INDArray[] test = read(folder, FILES[2], FILES[3], testLimit);
        return new Dataset("MNIST (" + folder + ")", Shape.of(1, 28, 28), train[0], train[1], test[0], test[1], 10);
    }

    /** @return the images and labels of the chosen {@code train_digits} (all when none are chosen) */
    private static INDArray[] digits(INDArray images, INDArray labels, Parameters parameters) {
        List<?> chosen = parameters.as(Settings.class).trainDigits();
        if (chosen.isEmpty()) {
            return new INDArray[] {images, labels};
        }
        Set<Long> wanted = new HashSet<>();
        chosen.forEach(digit -> wanted.add(((Number) digit).longValue()));
        int[] keep = IntStream.range(0, (int) labels.size(0))
                .filter(i -> wanted.contains((long) labels.getDouble(i, 0))).toArray();
        INDArray indices = Nd4j.createFromArray(keep);
        return new INDArray[] {images.get(indices), labels.get(indices)};
    }

    /** The first {@code limit} examples (all when 0) as an array of their own, copied only from a view. */
    private static INDArray limit(INDArray array, int limit) {
        if (limit <= 0 || limit >= array.size(0)) {
            return array.isView() ? array.dup() : array;
        }
        return array.get(NDArrayIndex.interval(0, limit)).dup();
    }

    private static InputStream resource(String file) throws DatasetException {
        InputStream in = Mnist.class.getResourceAsStream("/data/" + file + ".gz");
        if (in == null) {
            throw new DatasetException("the embedded MNIST file data/" + file + ".gz is missing from bundle io.latentlab.datasets.mnist");
        }
        return in;
    }

    private static INDArray[] read(Path folder, String images, String labels, int limit) throws DatasetException {
        Path imageFile = find(folder, images);
        Path labelFile = find(folder, labels);
        try (InputStream imageIn = Files.newInputStream(imageFile); InputStream labelIn = Files.newInputStream(labelFile)) {
            return read(imageFile.toString(), imageIn, labelFile.toString(), labelIn, limit);
        } catch (DatasetException e) {
            throw e;
        } catch (IOException e) {
            throw new DatasetException("cannot open " + imageFile + " or " + labelFile + ": " + e.getMessage());
        }
    }

    private static Path find(Path folder, String name) throws DatasetException {
        for (Path candidate : new Path[] {folder.resolve(name + ".gz"), folder.resolve(name)}) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new DatasetException("MNIST file " + name + "[.gz] not found in " + folder.toAbsolutePath());
    }

    /** @return {images [n, 1, 28, 28] in [0, 1], labels [n, 1]} */
    static INDArray[] read(String imageName, InputStream images, String labelName, InputStream labels, int limit)
            throws DatasetException {
        IdxReader.Idx imageIdx = IdxReader.read(imageName, images, IdxReader.IMAGES_MAGIC, limit);
        IdxReader.Idx labelIdx = IdxReader.read(labelName, labels, IdxReader.LABELS_MAGIC, limit);
        if (imageIdx.count() != labelIdx.count()) {
            throw new DatasetException(imageName + " holds " + imageIdx.count() + " images but " + labelName + " holds "
                    + labelIdx.count() + " labels");
        }
        int[] dims = imageIdx.dimensions();
        // straight into the array's native memory: no float[] copy on the heap (188 MB for the 60k set)
        INDArray x = Nd4j.createUninitialized(DataType.FLOAT, dims[0], 1, dims[1], dims[2]);
        FloatBuffer pixels = x.data().asNioFloat();
        byte[] bytes = imageIdx.values();
        for (int i = 0; i < bytes.length; i++) {
            pixels.put(i, (bytes[i] & 0xff) / 255f);
        }
        float[] classes = new float[labelIdx.count()];
        for (int i = 0; i < classes.length; i++) {
            int label = labelIdx.values()[i] & 0xff;
            if (label > 9) {
                throw new DatasetException(labelName + ": label " + label + " at byte offset " + (8 + i) + " is not a digit");
            }
            classes[i] = label;
        }
        INDArray y = Nd4j.createFromArray(classes).reshape(classes.length, 1);
        return new INDArray[] {x, y};
    }
}
