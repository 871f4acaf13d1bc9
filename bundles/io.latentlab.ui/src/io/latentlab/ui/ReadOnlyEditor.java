package io.latentlab.ui;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.ui.part.EditorPart;

/**
 * An editor that shows rather than edits (a comparison of runs, the welcome page): never dirty,
 * nothing to save. What it shows is written by training, not by the editor.
 */
public abstract class ReadOnlyEditor extends EditorPart {

    @Override
    public final void doSave(IProgressMonitor monitor) {
        // nothing to save
    }

    @Override
    public final void doSaveAs() {
        // nothing to save
    }

    @Override
    public final boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public final boolean isDirty() {
        return false;
    }
}
