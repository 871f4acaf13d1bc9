package io.latentlab.ui.runs.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.MultiPageEditorPart;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.ui.PartInjection;
import io.latentlab.ui.ViewParts;
import io.latentlab.ui.runs.RunEditorInput;
import io.latentlab.ui.runs.RunsPreferences;

/**
 * A run as a document in the editor area, one editor per run: pages Overview (what it is and
 * how it went, the command that trains it again), Charts (the live dashboard, full width) and
 * Samples (the grid of any epoch). Read-only: a run is changed by training, not by editing.
 */
public final class RunEditor extends MultiPageEditorPart {

    /** The editor's id. */
    public static final String ID = "io.latentlab.ui.runs.editor";

    /** Page titles, in order. */
    public static final String OVERVIEW = "Overview";
    /** The dashboard's page. */
    public static final String CHARTS = "Charts";
    /** The sample grids' page. */
    public static final String SAMPLES = "Samples";

    @Inject
    @Service
    ContributionRegistry registry;

    private RunOverview overview;
    private RunDashboard dashboard;
    private RunSamples samples;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof RunEditorInput)) {
            throw new PartInitException("the run editor opens run directories, not " + input.getName());
        }
        super.init(site, input);
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
    }

    private Path run() {
        return ((RunEditorInput) getEditorInput()).run();
    }

    @Override
    protected void createPages() {
        PartInjection.inject(this, getSite(), getContainer());
        Composite overviewPage = new Composite(getContainer(), SWT.NONE);
        overview = new RunOverview(overviewPage, run(), this::exportOnnx);
        setPageText(addPage(overviewPage), OVERVIEW);
        Composite chartsPage = new Composite(getContainer(), SWT.NONE);
        dashboard = new RunDashboard(chartsPage, run(), registry);
        setPageText(addPage(chartsPage), CHARTS);
        Composite samplesPage = new Composite(getContainer(), SWT.NONE);
        samples = new RunSamples(samplesPage, run());
        setPageText(addPage(samplesPage), SAMPLES);
        setActivePage(1); // the charts: what one watches while a run trains
        // one timer per editor, for the page shown: the others catch up when shown (the dashboard
        // reads metrics.csv from where it stopped), so open runs cost little and the UI goes idle
        ViewParts.every(getContainer(), RunsPreferences::refreshMilliseconds, () -> refresh(getActivePage()));
        retitle(getSite().getPage(), null);
    }

    /**
     * Titles every open run editor with its run's short name, and the run's date and time only where
     * two open runs share a name (two trainings of one experiment), so that no two tabs read alike.
     *
     * @param page the workbench page
     * @param closing an editor being closed, left out; or {@code null}
     */
    private static void retitle(IWorkbenchPage page, RunEditor closing) {
        List<RunEditor> editors = new ArrayList<>();
        for (IEditorReference reference : page.getEditorReferences()) {
            if (ID.equals(reference.getId()) && reference.getEditor(false) instanceof RunEditor editor && editor != closing) {
                editors.add(editor);
            }
        }
        Map<String, Long> names = editors.stream().collect(Collectors.groupingBy(e -> e.getEditorInput().getName(),
                Collectors.counting()));
        for (RunEditor editor : editors) {
            String name = editor.getEditorInput().getName();
            String folder = editor.run().getFileName().toString();
            boolean shared = names.get(name) > 1 && folder.matches("\\d{8}-\\d{6}-.*");
            // 20261207-171442-name: "name 12-07 17:14:42"
            editor.setPartName(shared ? name + " " + folder.substring(4, 6) + "-" + folder.substring(6, 8) + " "
                    + folder.substring(9, 11) + ":" + folder.substring(11, 13) + ":" + folder.substring(13, 15) : name);
        }
    }

    @Override
    public void dispose() {
        IWorkbenchPage page = getSite().getPage();
        super.dispose();
        if (page != null && !page.getWorkbenchWindow().getWorkbench().isClosing()) {
            retitle(page, this);
        }
    }

    @Override
    protected void pageChange(int page) {
        super.pageChange(page);
        refresh(page);
    }

    private void refresh(int page) {
        switch (page) {
            case 0 -> overview.refresh();
            case 1 -> dashboard.refresh();
            case 2 -> samples.refresh();
            default -> {
            }
        }
    }

    /** Export Network as ONNX... for this run, as the Runs view offers it (public for tests). */
    public void exportOnnx() {
        OnnxExportFlow.start(getSite().getShell(), run(), registry,
                message -> getEditorSite().getActionBars().getStatusLineManager().setMessage(message));
    }

    /**
     * Shows a page, as a click on its tab does.
     *
     * @param title {@link #OVERVIEW}, {@link #CHARTS} or {@link #SAMPLES}
     */
    public void showPage(String title) {
        for (int i = 0; i < getPageCount(); i++) {
            if (getPageText(i).equals(title)) {
                setActivePage(i);
                return;
            }
        }
        throw new IllegalArgumentException("the run editor has no page " + title);
    }

    /** @return the Charts page's dashboard */
    public RunDashboard dashboard() {
        return dashboard;
    }

    /** @return the Overview page's heading and facts, as shown (for tests) */
    public String overviewText() {
        overview.refresh();
        return overview.text();
    }

    /**
     * Moves the Samples page's epoch slider (for tests).
     *
     * @param index the grid's position, 0 for the first epoch's
     * @return the caption then shown, e.g. {@code epoch 1 of 3}
     */
    public String showSamplesOf(int index) {
        samples.refresh();
        samples.select(index);
        return samples.caption();
    }

    /** @return how many epochs' grids the Samples page offers (for tests) */
    public int sampleGrids() {
        samples.refresh();
        return samples.grids();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // nothing to save: the run's files are written by training
    }

    @Override
    public void doSaveAs() {
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public boolean isDirty() {
        return false;
    }
}
