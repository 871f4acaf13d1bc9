package io.latentlab.ui.runs;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * A run directory as the run editor's input: one editor per run (inputs are equal when their
 * directories are). Its name is the run's name without the timestamp the runner put in front,
 * so that tabs read {@code dense-autoencoder}, not {@code 20261207-1...}.
 */
public final class RunEditorInput implements IEditorInput {

    private static final Pattern TIMESTAMP = Pattern.compile("^\\d{8}-\\d{6}-");

    private final Path run;

    /** @param run the run directory */
    public RunEditorInput(Path run) {
        this.run = run.toAbsolutePath().normalize();
    }

    /** @return the run directory */
    public Path run() {
        return run;
    }

    /**
     * @param run a run directory
     * @return its folder name without a leading {@code yyyyMMdd-HHmmss-}; the folder name if that leaves nothing
     */
    public static String shortName(Path run) {
        String name = run.getFileName().toString();
        String stripped = TIMESTAMP.matcher(name).replaceFirst("");
        return stripped.isEmpty() ? name : stripped;
    }

    @Override
    public boolean exists() {
        return false; // not in the recently used list: a run folder may be deleted or archived
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null; // the editor's own icon
    }

    @Override
    public String getName() {
        return shortName(run);
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return run.toString();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunEditorInput input && input.run.equals(run);
    }

    @Override
    public int hashCode() {
        return run.hashCode();
    }
}
