package io.latentlab.core.data;

import java.nio.file.Path;

import io.latentlab.core.Contribution;
import io.latentlab.core.Parameters;

/** The contribution for a dataset: register as a DS component with {@code service = DatasetFactory.class}. */
public interface DatasetFactory extends Contribution {

    /**
     * Loads the dataset.
     *
     * @param parameters resolved against {@link #schema()}
     * @param baseDirectory where relative paths in the parameters are resolved (the experiment file's directory)
     * @return the examples
     * @throws DatasetException if a file is missing or corrupt
     */
    Dataset load(Parameters parameters, Path baseDirectory) throws DatasetException;
}
