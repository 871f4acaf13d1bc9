package io.latentlab.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs as rows of a table: what each run is (model, dataset, optimizer and its learning rate,
 * epochs, batch size) and what it reached, for the Runs view and for export.
 */
public final class RunTable {

    /** The hyper-parameter columns, as field paths of a run's resolved configuration. */
    public static final List<String> PARAMETERS = List.of("optimizers.default.id", "optimizers.default.learning_rate",
            "training.epochs", "training.batch_size");

    private RunTable() {
    }

    /**
     * @param run a run directory
     * @return the values of {@link #PARAMETERS} ("" where a run has none, e.g. per-stack optimizers)
     */
    public static List<String> parameters(Path run) {
        Map<String, String> configuration = RunRecord.configuration(run);
        return PARAMETERS.stream().map(path -> configuration.getOrDefault(path, "")).toList();
    }

    /**
     * Writes the runs as CSV: run, status, model, dataset, the parameter columns, headline metric,
     * value, seconds.
     *
     * @param runs the runs, in table order
     * @param file the CSV file
     * @throws IOException if it cannot be written
     */
    public static void write(List<RunInfo> runs, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("run,status,model,dataset,optimizer,learning_rate,epochs,batch_size,"
                + "headline_metric,value,seconds\n");
        for (RunInfo run : runs) {
            csv.append(String.join(",", quote(run.name()), quote(run.status()), quote(run.model()), quote(run.dataset())));
            for (String value : parameters(run.directory())) {
                csv.append(',').append(quote(value));
            }
            csv.append(',').append(quote(run.headlineMetric())).append(',')
                    .append(Double.isNaN(run.headlineValue()) ? "" : Double.toString(run.headlineValue())).append(',')
                    .append(Double.isNaN(run.seconds()) ? "" : Double.toString(run.seconds())).append('\n');
        }
        Files.writeString(file, csv);
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
