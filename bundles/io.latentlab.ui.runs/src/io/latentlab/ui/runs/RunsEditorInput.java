package io.latentlab.ui.runs;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * Several run directories as one editor's input (the sample comparison): equal when they hold
 * the same runs in the same order. Named by the runs' short names.
 */
public final class RunsEditorInput implements IEditorInput {

    private final List<Path> runs;

    /** @param runs two or more run directories */
    public RunsEditorInput(List<Path> runs) {
        this.runs = runs.stream().map(run -> run.toAbsolutePath().normalize()).toList();
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
        return "Samples: " + (joined.length() <= 40 && names.size() == runs.size() ? joined : runs.size() + " runs");
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
        return other instanceof RunsEditorInput input && input.runs.equals(runs);
    }

    @Override
    public int hashCode() {
        return runs.hashCode();
    }
}
