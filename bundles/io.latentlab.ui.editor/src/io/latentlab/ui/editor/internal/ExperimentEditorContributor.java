package io.latentlab.ui.editor.internal;

import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.editors.text.TextEditorActionContributor;
import org.eclipse.ui.part.MultiPageEditorActionBarContributor;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * The experiment editor's actions: the source page's (undo, redo, find, ...) on both pages, so
 * that undo works on the form page too (the form edits the same document).
 */
public final class ExperimentEditorContributor extends MultiPageEditorActionBarContributor {

    private final TextEditorActionContributor text = new TextEditorActionContributor();
    private IEditorPart editor;

    @Override
    public void init(IActionBars bars, IWorkbenchPage page) {
        super.init(bars, page);
        text.init(bars, page);
    }

    @Override
    public void setActiveEditor(IEditorPart part) {
        editor = part;
        super.setActiveEditor(part);
    }

    @Override
    public void setActivePage(IEditorPart page) {
        // the contributor is shared: while a new editor builds its pages, 'editor' may still be a closed one
        ITextEditor source = page instanceof ITextEditor nested ? nested
                : editor instanceof ExperimentFormEditor open && !open.isDisposed() ? open.getAdapter(ITextEditor.class) : null;
        text.setActiveEditor(source);
        getActionBars().updateActionBars();
    }

    @Override
    public void dispose() {
        text.dispose();
        super.dispose();
    }
}
