package io.latentlab.datasets.files;

import java.nio.file.Path;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
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
 * Arrays saved by NumPy: a {@code .npz} holding the examples and their labels under two keys,
 * or {@code .npy} files (one for the examples, optionally one for the labels). Examples are
 * vectors (N x D), grey images (N x H x W) or images with channels (N x C x H x W, or
 * N x H x W x C with {@code layout: nhwc}).
 */
@Component(service = DatasetFactory.class)
public final class NumPyDataset extends AbstractContribution implements DatasetFactory {

    /** Contribution id. */
    public static final String ID = "numpy";

    /** Where the channels of 4-D image arrays are. */
    enum Layout {
        /** N x C x H x W (PyTorch's order). */
        NCHW,
        /** N x H x W x C (TensorFlow's and most image libraries' order). */
        NHWC
    }

    /** The NumPy dataset's settings. */
    record Settings(
            @Setting(doc = "the training arrays: an .npz, or the examples' .npy (relative to the experiment file)")
            String trainFile,
            @Setting(doc = "the test arrays: an .npz, or the examples' .npy") String testFile,
            @Setting(doc = "in an .npz, the key of the examples", defaultValue = "x") String features,
            @Setting(doc = "in an .npz, the key of the labels (class numbers); empty: unlabelled", defaultValue = "")
            String labels,
            @Setting(doc = "with .npy examples, the training labels' .npy; empty: unlabelled", defaultValue = "")
            String trainLabelsFile,
            @Setting(doc = "with .npy examples, the test labels' .npy", defaultValue = "") String testLabelsFile,
            @Setting(doc = "4-D images: nchw (channels first) or nhwc (channels last); 3-D arrays are grey images",
                    defaultValue = "nchw") Layout layout,
            @Setting(doc = "values are divided by this; 0: 255 for uint8 arrays, else 1", defaultValue = "0", min = 0)
            double scale) {
    }

    /** Creates the contribution. */
    public NumPyDataset() {
        super(ID, "NumPy arrays", "Examples and labels from .npz or .npy files written by NumPy.", Settings.class);
    }

    @Override
    public Dataset load(Parameters parameters, Path baseDirectory) throws DatasetException {
        Nd4jRuntime.initialize();
        Settings settings = parameters.as(Settings.class);
        Part train = read(baseDirectory, settings.trainFile(), settings.trainLabelsFile(), settings);
        Part test = read(baseDirectory, settings.testFile(), settings.testLabelsFile(), settings);
        if (!train.shape.equals(test.shape)) {
            throw new DatasetException("the training examples have shape " + train.shape + " and the test examples "
                    + test.shape + " (" + settings.trainFile() + ", " + settings.testFile() + ")");
        }
        if ((train.labels == null) != (test.labels == null)) {
            throw new DatasetException("labels are given for " + (train.labels == null ? "the test" : "the training")
                    + " arrays only; give both or neither");
        }
        int classes = train.labels == null ? 0 : Math.max(train.classes, test.classes);
        return new Dataset("NumPy " + settings.trainFile(), train.shape, train.features, train.labels, test.features,
                test.labels, classes);
    }

    private record Part(Shape shape, INDArray features, INDArray labels, int classes) {
    }

    private static Part read(Path base, String examplesFile, String labelsFile, Settings settings)
            throws DatasetException {
        Path file = base.resolve(examplesFile);
        NumPyArrays.Array examples;
        NumPyArrays.Array labels = null;
        String labelsWhere = null;
        if (examplesFile.endsWith(".npz")) {
            Map<String, NumPyArrays.Array> arrays = NumPyArrays.readNpz(file);
            examples = key(arrays, settings.features(), file, "features");
            if (!settings.labels().isEmpty()) {
                labels = key(arrays, settings.labels(), file, "labels");
                labelsWhere = file + " (array '" + settings.labels() + "')";
            }
        } else if (examplesFile.endsWith(".npy")) {
            examples = NumPyArrays.readNpy(file);
            if (!labelsFile.isEmpty()) {
                labels = NumPyArrays.readNpy(base.resolve(labelsFile));
                labelsWhere = base.resolve(labelsFile).toString();
            }
        } else {
            throw new DatasetException(file + " is neither an .npz nor an .npy file");
        }
        Shape shape = exampleShape(file, examples.shape(), settings.layout());
        float[] values = examples.values();
        double scale = settings.scale() > 0 ? settings.scale() : "|u1".equals(examples.dtype())
                || "<u1".equals(examples.dtype()) ? 255 : 1;
        if (scale != 1) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (values[i] / scale);
            }
        }
        INDArray features = Nd4j.create(values, examples.shape(), DataType.FLOAT);
        if (examples.shape().length == 4 && settings.layout() == Layout.NHWC) {
            features = features.permute(0, 3, 1, 2).dup('c');
        }
        features = features.reshape('c', shape.withBatch(examples.length()));
        if (labels == null) {
            return new Part(shape, features, null, 0);
        }
        return new Part(shape, features, labelColumn(labelsWhere, labels, examples.length()),
                (int) maxLabel(labels) + 1);
    }

    private static NumPyArrays.Array key(Map<String, NumPyArrays.Array> arrays, String key, Path file, String setting)
            throws DatasetException {
        NumPyArrays.Array array = arrays.get(key);
        if (array == null) {
            throw new DatasetException(file + " has no array '" + key + "' (" + setting + "); its arrays: "
                    + String.join(", ", arrays.keySet()));
        }
        return array;
    }

    /** @return one example's shape: [D], [1, H, W] or [C, H, W] */
    private static Shape exampleShape(Path file, long[] shape, Layout layout) throws DatasetException {
        return switch (shape.length) {
            case 2 -> Shape.of(shape[1]);
            case 3 -> Shape.of(1, shape[1], shape[2]);
            case 4 -> layout == Layout.NCHW ? Shape.of(shape[1], shape[2], shape[3]) : Shape.of(shape[3], shape[1], shape[2]);
            default -> throw new DatasetException(file + ": the examples have shape " + java.util.Arrays.toString(shape)
                    + "; expected N x D vectors, N x H x W images or 4-D images (N x C x H x W, or N x H x W x C with"
                    + " layout: nhwc)");
        };
    }

    /** @return the labels as a column [n, 1] of class numbers, checked */
    private static INDArray labelColumn(String where, NumPyArrays.Array labels, long examples) throws DatasetException {
        long[] shape = labels.shape();
        boolean column = shape.length == 1 || (shape.length == 2 && shape[1] == 1);
        if (!column) {
            throw new DatasetException(where + ": labels must be one class number per example (shape (n,) or (n, 1)),"
                    + " not shape " + java.util.Arrays.toString(shape));
        }
        if (shape[0] != examples) {
            throw new DatasetException(where + ": " + shape[0] + " labels for " + examples + " examples");
        }
        float[] values = labels.values();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] != Math.rint(values[i]) || values[i] > 1_000_000) {
                throw new DatasetException(where + ": label " + i + " is " + values[i] + ", not a class number (a whole"
                        + " number from 0)");
            }
        }
        return Nd4j.create(values, new long[] {values.length, 1}, DataType.FLOAT);
    }

    private static float maxLabel(NumPyArrays.Array labels) {
        float max = 0;
        for (float value : labels.values()) {
            max = Math.max(max, value);
        }
        return max;
    }
}
