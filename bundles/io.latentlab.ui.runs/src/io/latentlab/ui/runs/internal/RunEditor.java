package io.latentlab.ui.runs.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.MultiPageEditorPart;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.ui.PartInjection;
import io.latentlab.ui.ViewParts;
import io.latentlab.runs.RunFigures;
import io.latentlab.ui.runs.RunEditorInput;
import io.latentlab.ui.runs.RunEditorPage;
import io.latentlab.ui.runs.RunsPreferences;

/**
 * A run as a document in the editor area, one editor per run: pages Overview (what it is and
 * how it went, the command that trains it again), Charts (the live dashboard, full width) and
 * Samples (the grid of any epoch); then the pages other bundles contribute ({@link RunEditorPage}
 * services, e.g. Latent) and one page per figure of the run's model ({@link RunFigures}), added
 * as training draws them. Read-only: a run is changed by training, not by editing.
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
    /** What refreshes each page while it is shown, by page index. */
    private final List<Runnable> refreshers = new ArrayList<>();
    private final Map<String, FigurePage> figures = new LinkedHashMap<>();
    private final List<ServiceReference<RunEditorPage>> contributed = new ArrayList<>();

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
        refreshers.addAll(List.of(overview::refresh, dashboard::refresh, samples::refresh));
        addContributedPages();
        addNewFigures();
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

    /** The pages of other bundles that apply to this run, in title order; one that throws shows why instead. */
    private void addContributedPages() {
        BundleContext context = FrameworkUtil.getBundle(RunEditor.class).getBundleContext();
        List<ServiceReference<RunEditorPage>> references;
        try {
            references = new ArrayList<>(context.getServiceReferences(RunEditorPage.class, null));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // no filter given
        }
        List<Map.Entry<ServiceReference<RunEditorPage>, RunEditorPage>> pages = new ArrayList<>();
        for (ServiceReference<RunEditorPage> reference : references) {
            RunEditorPage page = context.getService(reference);
            if (page != null) {
                contributed.add(reference);
                pages.add(Map.entry(reference, page));
            }
        }
        pages.sort(Comparator.comparing(entry -> entry.getValue().title()));
        for (Map.Entry<ServiceReference<RunEditorPage>, RunEditorPage> entry : pages) {
            RunEditorPage page = entry.getValue();
            String origin = entry.getKey().getBundle().getSymbolicName();
            Composite composite = new Composite(getContainer(), SWT.NONE);
            Runnable refresher;
            try {
                if (!page.appliesTo(run())) {
                    composite.dispose();
                    continue;
                }
                refresher = page.create(composite, run());
            } catch (RuntimeException e) {
                refresher = failed(composite, page.title(), origin, e);
            }
            setPageText(addPage(composite), page.title());
            Runnable unchecked = refresher;
            int index = refreshers.size();
            refreshers.add(() -> {
                try {
                    unchecked.run();
                } catch (RuntimeException e) {
                    for (Control child : composite.getChildren()) {
                        child.dispose();
                    }
                    refreshers.set(index, failed(composite, page.title(), origin, e));
                }
            });
        }
    }

    /** A contributed page that threw: says which, from which bundle, and why, in place of the page. */
    private static Runnable failed(Composite composite, String title, String bundle, RuntimeException e) {
        composite.setLayout(new FillLayout());
        Label message = new Label(composite, SWT.WRAP);
        message.setText("The page '" + title + "' of bundle " + bundle + " failed: " + e);
        composite.layout(true, true);
        return () -> { };
    }

    /** Adds a page for each figure of the model drawn since the last look. */
    private void addNewFigures() {
        for (String id : RunFigures.ids(run())) {
            if (figures.containsKey(id)) {
                continue;
            }
            List<Integer> epochs = RunFigures.epochs(run(), id);
            String title;
            try {
                title = RunFigures.read(run(), id, epochs.get(0)).title();
            } catch (IOException e) {
                continue; // being written: added at the next look
            }
            Composite composite = new Composite(getContainer(), SWT.NONE);
            FigurePage figure = new FigurePage(composite, run(), id);
            setPageText(addPage(composite), title);
            figures.put(id, figure);
            refreshers.add(figure::refresh);
        }
    }

    @Override
    public void dispose() {
        IWorkbenchPage page = getSite().getPage();
        BundleContext context = FrameworkUtil.getBundle(RunEditor.class).getBundleContext();
        if (context != null) {
            contributed.forEach(context::ungetService);
        }
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
        if (page >= 0 && page < refreshers.size()) {
            refreshers.get(page).run();
        }
        addNewFigures();
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
        samples.epochs().select(index);
        return samples.epochs().caption();
    }

    /** @return how many epochs' grids the Samples page offers (for tests) */
    public int sampleGrids() {
        samples.refresh();
        return samples.epochs().count();
    }

    /** @return the titles of the pages, in order (for tests) */
    public List<String> pageTitles() {
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < getPageCount(); i++) {
            titles.add(getPageText(i));
        }
        return titles;
    }

    /**
     * @param title a page's title
     * @return the message a contributed page that failed shows in its place, or {@code null} (for tests)
     */
    public String pageMessage(String title) {
        int index = pageTitles().indexOf(title);
        if (index >= 0 && getControl(index) instanceof Composite composite && composite.getChildren().length == 1
                && composite.getChildren()[0] instanceof Label label) {
            return label.getText();
        }
        return null;
    }

    /**
     * Moves a figure page's epoch slider (for tests).
     *
     * @param id the figure's id
     * @param index the position, 0 for the first epoch drawn
     * @return what the page then shows, or {@code null}
     */
    public RunFigures.Drawn showFigureOf(String id, int index) {
        FigurePage figure = figures.get(id);
        if (figure == null) {
            throw new IllegalArgumentException("the run editor has no figure " + id + "; it has " + figures.keySet());
        }
        figure.refresh();
        figure.epochs().select(index);
        return figure.shown();
    }

    /**
     * @param id a figure's id
     * @return the captions drawn on its image (for tests)
     */
    public List<String> figureCaptions(String id) {
        return figures.get(id).captions();
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
