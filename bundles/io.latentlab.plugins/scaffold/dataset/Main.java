package @@PACKAGE@@;

import java.nio.file.Path;
import java.util.SplittableRandom;

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

/**
 * @@NAME@@: synthetic size x size images of one bright bar, horizontal (label 0) or vertical
 * (label 1), at a random place. A dataset reads its files relative to {@code baseDirectory} (the
 * experiment's folder) and throws {@link DatasetException} naming the file and what is wrong.
 */
@Component(service = DatasetFactory.class)
public final class @@CLASS@@ extends AbstractContribution implements DatasetFactory {

    /** The id experiments write: {@code dataset: {id: @@ID@@, size: 16}}. */
    public static final String ID = "@@ID@@";

    /** Creates the contribution (Declarative Services calls this). */
    public @@CLASS@@() {
        super(ID, "@@NAME@@", "Synthetic images of one horizontal (0) or vertical (1) bar.", Settings.class);
    }

    /** The parameters, declared once (experiments write size, train_count, test_count, seed). */
    record Settings(
            @Setting(doc = "the images' width and height", defaultValue = "16", min = 4, max = 256, unit = "px") int size,
            @Setting(doc = "training images", defaultValue = "2048", min = 1, max = 1_000_000, unit = "images") int trainCount,
            @Setting(doc = "test images", defaultValue = "512", min = 1, max = 1_000_000, unit = "images") int testCount,
            @Setting(doc = "where the bars fall", defaultValue = "1", min = 0) long seed) {
    }

    @Override
    public Dataset load(Parameters parameters, Path baseDirectory) throws DatasetException {
        Settings settings = parameters.as(Settings.class);
        int size = settings.size();
        SplittableRandom random = new SplittableRandom(settings.seed());
        INDArray[] train = bars(settings.trainCount(), size, random);
        INDArray[] test = bars(settings.testCount(), size, random);
        return new Dataset("bars (" + size + "x" + size + ")", Shape.of(1, size, size), train[0], train[1], test[0],
                test[1], 2);
    }

    /** @return images [count, 1, size, size] in [0, 1] and labels [count, 1] */
    private static INDArray[] bars(int count, int size, SplittableRandom random) {
        float[] pixels = new float[count * size * size];
        float[] labels = new float[count];
        for (int i = 0; i < count; i++) {
            boolean vertical = random.nextBoolean();
            int at = random.nextInt(size);
            for (int k = 0; k < size; k++) {
                int row = vertical ? k : at;
                int column = vertical ? at : k;
                pixels[i * size * size + row * size + column] = 1f;
            }
            labels[i] = vertical ? 1 : 0;
        }
        return new INDArray[] {Nd4j.create(pixels, new long[] {count, 1, size, size}, DataType.FLOAT),
            Nd4j.create(labels, new long[] {count, 1}, DataType.FLOAT)};
    }
}
