package io.latentlab.experiments;

/**
 * One thing wrong in an experiment file.
 *
 * @param file the file
 * @param line 1-based line
 * @param column 1-based column
 * @param path the field, e.g. {@code model.stacks.encoder[1].dense.units}
 * @param message what is wrong and what was expected
 */
public record ExperimentProblem(String file, int line, int column, String path, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
