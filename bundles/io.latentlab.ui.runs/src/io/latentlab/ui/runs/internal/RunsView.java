package io.latentlab.ui.runs.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

import io.latentlab.experiments.RunInfo;
import io.latentlab.experiments.RunTable;
import io.latentlab.ui.ViewParts;
import io.latentlab.ui.runs.RunsUi;

/**
 * Every run in the runs folder with its status, model, dataset, headline metric and duration;
 * open a run's dashboard (double-click), train an experiment, resume a stopped run, delete.
 */
public final class RunsView extends ViewPart {

    private static final int REFRESH_MILLISECONDS = 2000;
    /** Contributed by another bundle; referred to by id only. */
    private static final String LATENT_VIEW_ID = "io.latentlab.ui.results.latent";

    private TableViewer viewer;
    private List<RunInfo> shown = List.of();
    private final RunInfo.Cache runInfo = new RunInfo.Cache();
    /** Hyper-parameters by run, read once per run (they do not change). */
    private final java.util.Map<Path, List<String>> parameters = new java.util.HashMap<>();

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        ViewParts.<RunInfo>column(viewer, "Run", 260, RunInfo::name);
        ViewParts.<RunInfo>column(viewer, "Status", 90, RunInfo::status);
        ViewParts.<RunInfo>column(viewer, "Model", 150, RunInfo::model);
        ViewParts.<RunInfo>column(viewer, "Dataset", 160, RunInfo::dataset);
        ViewParts.<RunInfo>column(viewer, "Headline metric", 150, RunInfo::headlineMetric);
        ViewParts.<RunInfo>column(viewer, "Value", 90, run -> Double.isNaN(run.headlineValue()) ? ""
                : String.format(Locale.ROOT, "%.5g", run.headlineValue()));
        ViewParts.<RunInfo>column(viewer, "Duration", 80, run -> Double.isNaN(run.seconds()) ? ""
                : String.format(Locale.ROOT, "%d:%02d", (long) run.seconds() / 60, (long) run.seconds() % 60));
        String[] titles = {"Optimizer", "Learning rate", "Epochs", "Batch"};
        for (int i = 0; i < titles.length; i++) {
            int column = i;
            ViewParts.<RunInfo>column(viewer, titles[i], 90, run -> parameters.computeIfAbsent(run.directory(),
                    RunTable::parameters).get(column));
        }
        viewer.addDoubleClickListener(event -> selected().forEach(RunsView::open));
        getSite().setSelectionProvider(viewer);

        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(ViewParts.action("Run Experiment...", "Train an experiment file in the background", this::runExperiment));
        toolbar.add(ViewParts.action("Compare", "Overlay the selected runs' metrics and show where their configurations differ",
                this::compare));
        toolbar.add(ViewParts.action("Latent Space", "Show the selected run's test codes by label (contributed by"
                + " io.latentlab.ui.latent)", this::latentSpace));
        toolbar.add(ViewParts.action("Resume", "Continue the selected stopped runs from their last checkpoint",
                () -> selected().forEach(run -> RunsUi.resume(run.directory()))));
        toolbar.add(ViewParts.action("Delete", "Delete the selected run folders", this::delete));
        toolbar.add(ViewParts.action("Export...", "Write the table as CSV", this::export));
        toolbar.add(ViewParts.action("Refresh", "Read the runs folder again", this::refresh));
        refresh();
        ViewParts.every(viewer.getControl(), () -> REFRESH_MILLISECONDS, this::refresh);
    }

    /** Lists the runs folder again; the table changes only when the runs do. */
    public void refresh() {
        try {
            List<RunInfo> runs = runInfo.list(RunsUi.runsFolder());
            if (!runs.equals(shown)) {
                shown = runs;
                viewer.setInput(runs);
            }
        } catch (IOException e) {
            ILog.of(getClass()).warn("cannot list the runs folder " + RunsUi.runsFolder() + ": " + e.getMessage());
        }
    }

    /** @return the runs in the table (for tests) */
    public List<RunInfo> runs() {
        return shown;
    }

    private List<RunInfo> selected() {
        return ((IStructuredSelection) viewer.getSelection()).toList().stream().map(RunInfo.class::cast).toList();
    }

    private static void open(RunInfo run) {
        try {
            RunsUi.openDashboard(run.directory());
        } catch (PartInitException e) {
            ILog.of(RunsView.class).error("cannot open the dashboard of " + run.directory(), e);
        }
    }

    private void latentSpace() {
        for (RunInfo run : selected()) {
            try {
                getSite().getPage().showView(LATENT_VIEW_ID, RunsUi.encode(run.directory()),
                        org.eclipse.ui.IWorkbenchPage.VIEW_ACTIVATE);
            } catch (PartInitException e) {
                MessageDialog.openError(getSite().getShell(), "Latent Space", "The latent space view is not installed: "
                        + e.getMessage());
            }
        }
    }

    private void compare() {
        List<RunInfo> runs = selected();
        if (runs.size() < 2) {
            MessageDialog.openInformation(getSite().getShell(), "Compare runs", "Select two or more runs to compare.");
            return;
        }
        try {
            RunsUi.compare(runs.stream().map(RunInfo::directory).toList());
        } catch (PartInitException e) {
            ILog.of(getClass()).error("cannot open the comparison", e);
        }
    }

    /** Selects runs by name, as a user's clicks would (for tests). */
    public void select(List<String> names) {
        viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(shown.stream()
                .filter(run -> names.contains(run.name())).toArray()));
    }

    /** Runs the Compare action on the selection (for tests). */
    public void compareSelected() {
        compare();
    }

    private void export() {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] {"*.csv"});
        dialog.setFileName("runs.csv");
        String file = dialog.open();
        if (file != null) {
            try {
                RunTable.write(shown, Path.of(file));
            } catch (IOException e) {
                MessageDialog.openError(getSite().getShell(), "Export runs", "Cannot write " + file + ": " + e.getMessage());
            }
        }
    }

    private void runExperiment() {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] {"*.experiment.yaml", "*.yaml"});
        String file = dialog.open();
        if (file != null) {
            RunsUi.train(Path.of(file));
        }
    }

    private void delete() {
        List<RunInfo> runs = selected();
        if (runs.isEmpty() || !MessageDialog.openConfirm(getSite().getShell(), "Delete runs", "Delete " + runs.size()
                + " run folder(s) with their checkpoints, metrics and samples? This cannot be undone.")) {
            return;
        }
        for (RunInfo run : runs) {
            try (Stream<Path> files = Files.walk(run.directory())) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                MessageDialog.openError(getSite().getShell(), "Delete runs", "Cannot delete " + run.directory() + ": "
                        + e.getMessage());
            }
        }
        refresh();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
