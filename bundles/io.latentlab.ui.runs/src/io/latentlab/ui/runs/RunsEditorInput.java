package io.latentlab.ui.runs;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * Several run directories as one editor's input (a comparison of their metrics, or of their
 * samples): equal when they hold the same runs in the same order for the same kind of editor.
 * Named by the kind and the runs' short names.
 */
public final class RunsEditorInput implements IEditorInput {

    private final List<Path> runs;
    private final String kind;

    /**
     * @param runs two or more run directories
     * @param kind what the editor shows of them, the start of its title, e.g. {@code Compare}
     */
    public RunsEditorInput(List<Path> runs, String kind) {
        this.runs = runs.stream().map(run -> run.toAbsolutePath().normalize()).toList();
        this.kind = kind;
    }

    /** @return the run directories, in order */
    public List<Path> runs() {
        return runs;
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null;
    }

    @Override
    public String getName() {
        List<String> names = runs.stream().map(RunEditorInput::shortName).distinct().toList();
        String joined = String.join(" | ", names);
        return kind + ": " + (joined.length() <= 40 && names.size() == runs.size() ? joined : runs.size() + " runs");
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return String.join("\n", runs.stream().map(Path::toString).toList());
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunsEditorInput input && input.runs.equals(runs) && input.kind.equals(kind);
    }

    @Override
    public int hashCode() {
        return runs.hashCode() * 31 + kind.hashCode();
    }
}
