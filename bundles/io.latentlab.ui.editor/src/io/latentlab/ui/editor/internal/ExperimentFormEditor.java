package io.latentlab.ui.editor.internal;

import jakarta.inject.Inject;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.ide.IGotoMarker;
import org.eclipse.ui.part.MultiPageEditorPart;
import org.eclipse.ui.texteditor.ITextEditor;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.ui.PartInjection;

/**
 * The experiment editor: a form page generated from the installed contributions' schemas and
 * the YAML source page, both on one document (one dirty state, one undo history, one save).
 * Problems are markers on the source's lines; going to one shows the source page.
 */
public final class ExperimentFormEditor extends MultiPageEditorPart {

    /** The editor's id (plugin.xml). */
    public static final String ID = "io.latentlab.ui.editor.experiment";

    @Inject
    @Service
    ContributionRegistry registry;

    private ExperimentEditor source;
    private ExperimentForm form;
    private int formPage;
    private int sourcePage;
    private boolean disposed;

    @Override
    protected void createPages() {
        PartInjection.inject(this, getSite(), getContainer());
        source = new ExperimentEditor(() -> registry);
        try {
            sourcePage = addPage(source, getEditorInput());
        } catch (PartInitException e) {
            throw new IllegalStateException("cannot open the source page of " + getEditorInput().getName(), e);
        }
        setPageText(sourcePage, "Source");
        form = new ExperimentForm(getContainer(), registry, source.document());
        addPage(0, form.control());
        formPage = 0;
        sourcePage = 1;
        setPageText(formPage, "Form");
        source.onProblems(form::problems);
        source.validate();
        setPartName(getEditorInput().getName());
        setActivePage(formPage);
        form.setVisible(true);
    }

    @Override
    protected void pageChange(int newPageIndex) {
        super.pageChange(newPageIndex);
        if (form != null) {
            form.setVisible(newPageIndex == formPage);
        }
    }

    @Override
    protected void setInput(IEditorInput input) {
        super.setInput(input);
        setPartName(input.getName());
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        source.doSave(monitor);
    }

    @Override
    public void doSaveAs() {
        source.doSaveAs();
        setInput(source.getEditorInput());
    }

    @Override
    public boolean isSaveAsAllowed() {
        return source != null && source.isSaveAsAllowed();
    }

    /** Shows the source page. */
    public void showSource() {
        setActivePage(sourcePage);
    }

    /** Shows the form page. */
    public void showForm() {
        setActivePage(formPage);
    }

    /** @return whether the form page is shown */
    public boolean formShown() {
        return getActivePage() == formPage;
    }

    /** @return the form page */
    public ExperimentForm form() {
        return form;
    }

    @Override
    public void dispose() {
        disposed = true;
        super.dispose();
    }

    /** @return whether the editor has been closed */
    public boolean isDisposed() {
        return disposed;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == ExperimentEditor.class || adapter == ITextEditor.class) {
            return adapter.cast(source);
        }
        if (adapter == IGotoMarker.class) {
            return adapter.cast((IGotoMarker) this::gotoMarker);
        }
        return super.getAdapter(adapter);
    }

    private void gotoMarker(IMarker marker) {
        showSource();
        IDE.gotoMarker(source, marker);
    }
}
