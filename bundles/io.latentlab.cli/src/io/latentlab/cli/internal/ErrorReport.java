package io.latentlab.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An unexpected failure of a command (a plugin's bug, say): one line for the terminal, the
 * message and its causes, and the stack trace in a file of the crash folder
 * ({@code -Dlatentlab.crashes}, else {@code LATENTLAB_CRASH_DIR}, else {@code ~/.latentlab/crashes})
 * for a bug report.
 */
final class ErrorReport {

    private ErrorReport() {
    }

    /** @return "what went wrong: why (class of the cause)": each distinct message of the cause chain once */
    static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < 5; t = t.getCause()) {
            String message = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName()
                    : t.getMessage();
            if (parts.stream().noneMatch(message::contains) && parts.stream().noneMatch(p -> p.contains(message))) {
                parts.add(message);
            }
        }
        return String.join(": ", parts);
    }

    /** @return the file the stack trace went to, if it could be written */
    static Optional<Path> write(String command, List<String> arguments, Throwable failure) {
        String configured = System.getProperty("latentlab.crashes", System.getenv("LATENTLAB_CRASH_DIR"));
        Path folder = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".latentlab", "crashes");
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve("latentlab-" + command + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")) + ".txt");
            Files.writeString(file, "latentlab " + String.join(" ", arguments) + "\n\n" + trace, StandardCharsets.UTF_8);
            return Optional.of(file);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
