package io.latentlab.ui.editor.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.editors.text.TextEditor;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.experiments.ExperimentProblem;

/**
 * The experiment editor's YAML source page: every edit is checked against the installed
 * contributions half a second after typing stops; problems appear as markers on their line
 * (ruler and Problems view) with the field path, what was expected and "did you mean".
 * Undo/redo, dirty state and save are the text editor's.
 */
public final class ExperimentEditor extends TextEditor {

    private static final int QUIET_MILLISECONDS = 500;

    private final Supplier<ContributionRegistry> registry;
    private final Runnable validation = this::validate;
    private Consumer<List<ExperimentProblem>> problemsShown = problems -> {
    };
    private final IDocumentListener listener = new IDocumentListener() {
        @Override
        public void documentAboutToBeChanged(DocumentEvent event) {
        }

        @Override
        public void documentChanged(DocumentEvent event) {
            Display display = Display.getCurrent();
            if (display != null) {
                display.timerExec(-1, validation);
                display.timerExec(QUIET_MILLISECONDS, validation);
            }
        }
    };

    /** @param registry the installed contributions, as the editor that holds this page has them now */
    ExperimentEditor(Supplier<ContributionRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void createPartControl(Composite parent) {
        super.createPartControl(parent);
        document().addDocumentListener(listener);
        validate();
    }

    /** @return the experiment's current text (unsaved edits included) */
    public String text() {
        return document() == null ? "" : document().get();
    }

    /** @return the file's location on disk, or null when the input is not a workspace file */
    public Path location() {
        return getEditorInput() instanceof IFileEditorInput input && input.getFile().getLocation() != null
                ? input.getFile().getLocation().toFile().toPath() : null;
    }

    /** @return the text the editor shows (the form page edits it too) */
    IDocument document() {
        return getDocumentProvider().getDocument(getEditorInput());
    }

    /** Checks the current text now (tests call it; typing schedules it). */
    public void validate() {
        if (!(getEditorInput() instanceof IFileEditorInput input) || document() == null) {
            return;
        }
        IFile file = input.getFile();
        if (!file.getName().endsWith(".experiment.yaml")) {
            return; // other YAML files are edited without checks
        }
        try {
            problemsShown.accept(ExperimentProblems.check(registry.get(), file, document().get()));
        } catch (CoreException | IllegalStateException e) {
            ILog.of(getClass()).warn("cannot check " + file.getFullPath() + ": " + e.getMessage());
        }
    }

    /** @param shown told the problems of every check (the form page marks its fields with them) */
    void onProblems(Consumer<List<ExperimentProblem>> shown) {
        problemsShown = shown;
    }

    @Override
    public void dispose() {
        Display display = Display.getCurrent();
        if (display != null) {
            display.timerExec(-1, validation);
        }
        if (getDocumentProvider() != null && document() != null) {
            document().removeDocumentListener(listener);
        }
        super.dispose();
    }
}
