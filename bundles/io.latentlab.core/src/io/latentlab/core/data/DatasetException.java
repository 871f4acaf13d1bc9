package io.latentlab.core.data;

import java.io.IOException;

/** A dataset file is missing, malformed or truncated; the message names the file and the byte offset. */
public final class DatasetException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, where
     */
    public DatasetException(String message) {
        super(message);
    }
}
