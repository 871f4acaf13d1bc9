package io.latentlab.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a text file through a temporary file and a rename, so that a reader or a crash never sees half of it. */
public final class AtomicFile {

    private AtomicFile() {
    }

    /**
     * @param file the file to write (replaced if it exists)
     * @param content its text, in UTF-8
     * @throws IOException if it cannot be written
     */
    public static void writeString(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // a full disk: leave no half-written temporary behind, and say which file and how much
            Files.deleteIfExists(temporary);
            throw new IOException("cannot write " + file + " (" + content.length() + " bytes): " + e.getMessage(), e);
        }
    }
}
