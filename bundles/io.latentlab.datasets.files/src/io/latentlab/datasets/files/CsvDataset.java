package io.latentlab.datasets.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

/** Examples as CSV rows of numbers (e.g. pixels), optionally with a label column and a header line. */
@Component(service = DatasetFactory.class)
public final class CsvDataset extends AbstractContribution implements DatasetFactory {

    /** Contribution id. */
    public static final String ID = "csv";

    /** Creates the contribution. */
    public CsvDataset() {
        super(ID, "CSV rows", "One example per line of comma-separated numbers; an optional label column.",
                Settings.class);
    }

    /** The CSV dataset's settings. */
    record Settings(
            @Setting(doc = "the training rows (relative to the experiment file)") String trainFile,
            @Setting(doc = "the test rows") String testFile,
            @Setting(doc = "0-based column holding an integer label; -1: none", defaultValue = "-1", min = -1) int labelColumn,
            @Setting(doc = "skip the first line", defaultValue = "false") boolean header,
            @Setting(doc = "values are divided by this (255 for 8-bit pixels)", defaultValue = "255", min = 1e-12)
            double scale,
            @Setting(doc = "the shape of one example, e.g. [1, 28, 28]; empty: a vector", defaultValue = "[]", min = 1)
            List<Long> shape) {
    }

    @Override
    public Dataset load(Parameters parameters, Path baseDirectory) throws DatasetException {
        Nd4jRuntime.initialize();
        Rows train = read(baseDirectory.resolve(parameters.as(Settings.class).trainFile()), parameters);
        Rows test = read(baseDirectory.resolve(parameters.as(Settings.class).testFile()), parameters);
        if (train.width != test.width) {
            throw new DatasetException("the training rows have " + train.width + " values, the test rows " + test.width);
        }
        List<?> given = parameters.as(Settings.class).shape();
        long[] dims = given.isEmpty() ? new long[] {train.width} : given.stream().mapToLong(v -> ((Number) v).longValue()).toArray();
        Shape shape = Shape.of(dims);
        if (shape.size() != train.width) {
            throw new DatasetException("shape " + shape + " holds " + shape.size() + " values but the rows have " + train.width);
        }
        int classes = parameters.as(Settings.class).labelColumn() < 0 ? 0 : (int) Math.max(train.maxLabel, test.maxLabel) + 1;
        return new Dataset("CSV " + parameters.as(Settings.class).trainFile(), shape, train.features(shape), train.labelColumn(),
                test.features(shape), test.labelColumn(), classes);
    }

    private record Rows(List<float[]> values, List<Float> labels, int width, float maxLabel) {

        INDArray features(Shape shape) {
            return Nd4j.createFromArray(values.toArray(float[][]::new)).reshape(shape.withBatch(values.size()))
                    .castTo(DataType.FLOAT);
        }

        INDArray labelColumn() {
            if (labels.isEmpty()) {
                return null;
            }
            float[] column = new float[labels.size()];
            for (int i = 0; i < column.length; i++) {
                column[i] = labels.get(i);
            }
            return Nd4j.createFromArray(column).reshape(column.length, 1);
        }
    }

    private static Rows read(Path file, Parameters parameters) throws DatasetException {
        int labelColumn = parameters.as(Settings.class).labelColumn();
        double scale = parameters.as(Settings.class).scale();
        List<float[]> rows = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        int width = -1;
        float maxLabel = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if ((number == 1 && parameters.as(Settings.class).header()) || line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                int values = cells.length - (labelColumn >= 0 ? 1 : 0);
                if (width < 0) {
                    width = values;
                } else if (values != width) {
                    throw new DatasetException(file + ":" + number + ": " + cells.length + " columns, but earlier rows have "
                            + (width + (labelColumn >= 0 ? 1 : 0)));
                }
                float[] row = new float[width];
                int target = 0;
                for (int c = 0; c < cells.length; c++) {
                    float value;
                    try {
                        value = Float.parseFloat(cells[c].trim());
                    } catch (NumberFormatException e) {
                        throw new DatasetException(file + ":" + number + ": column " + (c + 1) + " is not a number: '"
                                + cells[c].trim() + "'");
                    }
                    if (!Float.isFinite(value)) {
                        // caught here, not later as "loss became NaN" without a file
                        throw new DatasetException(file + ":" + number + ":" + (c + 1) + ": '" + cells[c].trim()
                                + "' is not a finite number (NaN, infinite, or beyond float's range)");
                    }
                    if (c == labelColumn) {
                        if (value < 0 || value != Math.rint(value) || value > 1_000_000) {
                            throw new DatasetException(file + ":" + number + ":" + (c + 1) + ": the label '"
                                    + cells[c].trim() + "' is not a class number (a whole number from 0)");
                        }
                        labels.add(value);
                        maxLabel = Math.max(maxLabel, value);
                    } else {
                        row[target++] = (float) (value / scale);
                    }
                }
                rows.add(row);
            }
        } catch (DatasetException e) {
            throw e;
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new DatasetException(file + " holds no rows");
        }
        return new Rows(rows, labels, width, maxLabel);
    }
}
