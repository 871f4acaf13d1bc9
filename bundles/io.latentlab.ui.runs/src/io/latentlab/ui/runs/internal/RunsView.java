package io.latentlab.ui.runs.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.ListSelectionDialog;
import org.eclipse.ui.part.ViewPart;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.RegisteredContribution;
import io.latentlab.core.optim.OptimizerFactory;
import io.latentlab.runs.RunFolders;
import io.latentlab.runs.RunInfo;
import io.latentlab.runs.RunRecord;
import io.latentlab.runs.RunTable;
import io.latentlab.studies.SeedGroup;
import io.latentlab.studies.OptimizerRace;
import io.latentlab.ui.PartInjection;
import io.latentlab.ui.ViewParts;
import io.latentlab.ui.runs.ExperimentJob;
import io.latentlab.ui.runs.RaceJob;
import io.latentlab.ui.runs.RunViews;
import io.latentlab.ui.runs.RunsPreferences;
import io.latentlab.ui.runs.SparkSweepJob;
import io.latentlab.ui.runs.SparkTrainingJob;

/**
 * Every run in the runs folder with its status, model, dataset, headline metric, duration and
 * main hyper-parameters, sortable by any column and filtered by a search field; open a run's
 * editor (double-click), train an experiment, resume a stopped run, rename, open its
 * folder, delete, export the table.
 */
public final class RunsView extends ViewPart {

    private static final int REFRESH_MILLISECONDS = 2000;

    @Inject
    @Service
    ContributionRegistry registry;

    private TableViewer viewer;
    private Text filterField;
    private List<RunInfo> shown = List.of();
    private final RunInfo.Cache runInfo = new RunInfo.Cache();
    /** The headline metric's mean ± std of each seed group's finished runs, by group folder. */
    private Map<Path, String> groups = Map.of();
    /** Hyper-parameters by run, read once per run (they do not change). */
    private final Map<Path, List<String>> parameters = new HashMap<>();
    /** Processes that trained each finished run (data-parallel runs: more than 1); kept once known. */
    private final Map<Path, String> workers = new HashMap<>();

    @Override
    public void createPartControl(Composite parent) {
        PartInjection.inject(this, getSite(), parent);
        parent.setLayout(new GridLayout(1, false));
        viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        filterField = ViewParts.filterField(parent, viewer);
        filterField.moveAbove(viewer.getControl());
        viewer.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        ViewParts.<RunInfo>sortableColumn(viewer, "Run", 260, RunInfo::name, null);
        ViewParts.<RunInfo>sortableColumn(viewer, "Status", 90, RunInfo::status, null);
        ViewParts.<RunInfo>sortableColumn(viewer, "Model", 150, RunInfo::model, null);
        ViewParts.<RunInfo>sortableColumn(viewer, "Dataset", 160, RunInfo::dataset, null);
        ViewParts.<RunInfo>sortableColumn(viewer, "Headline metric", 150, RunInfo::headlineMetric, null);
        ViewParts.<RunInfo>sortableColumn(viewer, "Value", 90, run -> Double.isNaN(run.headlineValue()) ? ""
                : String.format(Locale.ROOT, "%.5g", run.headlineValue()), numeric(RunInfo::headlineValue));
        ViewParts.<RunInfo>sortableColumn(viewer, "Group mean \u00b1 std", 150, run -> groups.getOrDefault(
                run.directory().getParent(), ""), null);
        ViewParts.<RunInfo>sortableColumn(viewer, "Duration", 80, run -> Double.isNaN(run.seconds()) ? ""
                : String.format(Locale.ROOT, "%d:%02d", (long) run.seconds() / 60, (long) run.seconds() % 60),
                numeric(RunInfo::seconds));
        ViewParts.<RunInfo>sortableColumn(viewer, "Workers", 70, run -> workers(run.directory()),
                numeric(run -> number(workers(run.directory()))));
        String[] titles = {"Optimizer", "Learning rate", "Epochs", "Batch"};
        for (int i = 0; i < titles.length; i++) {
            int column = i;
            Function<RunInfo, String> value = run -> parameters.computeIfAbsent(run.directory(),
                    RunTable::parameters).get(column);
            ViewParts.sortableColumn(viewer, titles[i], 90, value, column == 0 ? null : numeric(run -> number(value.apply(run))));
        }
        ViewParts.<RunInfo>sortableColumn(viewer, "Description", 240, RunInfo::description, null);
        viewer.addDoubleClickListener(event -> selected().forEach(this::open));
        getSite().setSelectionProvider(viewer);

        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(ViewParts.action("Run Experiment...", "Train an experiment file in the background", this::runExperiment));
        toolbar.add(ViewParts.action("Submit Sweep to Spark...", "Train an experiment's sweep on the Spark cluster of"
                + " Preferences > Latentlab > Runs, into the runs folder (shared with the workers)", this::submitSweep));
        toolbar.add(ViewParts.action("Train on Spark...", "Train one model with several workers of the Spark cluster"
                + " together, each on its share of every batch (data-parallel), into the runs folder", this::trainOnSpark));
        toolbar.add(ViewParts.action("Race...", "Train an experiment once per optimizer from identical starts, curves"
                + " overlaid live", this::race));
        toolbar.add(ViewParts.action("Compare", "Overlay the selected runs' metrics and show where their configurations differ",
                this::compare));
        toolbar.add(ViewParts.action("Resume", "Continue the selected stopped runs from their last checkpoint",
                () -> selected().forEach(run -> ExperimentJob.resume(run.directory(), registry).schedule())));
        toolbar.add(ViewParts.action("Branch...", "Train a new run from where a phase of the selected run began"
                + " (e.g. its fine-tuning), with another experiment's settings", this::branch));
        toolbar.add(ViewParts.action("Rename...", "Rename the selected run's folder", this::rename));
        toolbar.add(ViewParts.action("Open Folder", "Show the selected run's folder in the file manager", this::openFolder));
        toolbar.add(ViewParts.action("Archive", "Move the selected run folders into the runs folder's archive/ (kept,"
                + " no longer listed)", this::archive));
        toolbar.add(ViewParts.action("Delete", "Delete the selected run folders", this::delete));
        toolbar.add(ViewParts.action("Export...", "Write the table's rows, as filtered and sorted, as CSV", this::export));
        toolbar.add(ViewParts.action("Export Metrics...", "Write every metric of the selected runs to one CSV (run, step,"
                + " metric, value)", this::exportMetrics));
        toolbar.add(ViewParts.action("Refresh", "Read the runs folder again", this::refresh));
        MenuManager menu = new MenuManager();
        menu.add(ViewParts.action("Compare Samples", "The selected runs' sample grids side by side at the same epoch,"
                + " one slider for all; their differences for runs of the same inputs", this::compareSamplesSelected));
        menu.add(ViewParts.action("Export Test Arrays as NumPy", "Write the selected run's test inputs, labels,"
                + " reconstructions and codes to RUN/export.npz, for a notebook", this::exportNpzSelected));
        menu.add(ViewParts.action("Export Network as ONNX...", "Write the selected run's networks as ONNX models, for"
                + " ONNX Runtime, PyTorch or C++", this::exportOnnxSelected));
        viewer.getTable().setMenu(menu.createContextMenu(viewer.getTable()));
        refresh();
        ViewParts.every(viewer.getControl(), () -> REFRESH_MILLISECONDS, this::refresh);
    }

    /** Lists the runs folder again; the table changes only when the runs do. */
    public void refresh() {
        try {
            List<RunInfo> runs = runInfo.list(RunsPreferences.runsFolder());
            if (!runs.equals(shown)) {
                shown = runs;
                groups = groupStatistics(runs);
                viewer.setInput(runs);
            }
        } catch (IOException e) {
            ILog.of(getClass()).warn("cannot list the runs folder " + RunsPreferences.runsFolder() + ": " + e.getMessage());
        }
    }

    /** @return for each seed group, e.g. {@code 0.27410 ± 0.0012 (n=3)} over its runs that have a headline value */
    private static Map<Path, String> groupStatistics(List<RunInfo> runs) {
        Map<Path, List<RunInfo>> members = runs.stream().filter(run -> SeedGroup.isMember(run.directory()))
                .collect(Collectors.groupingBy(run -> run.directory().getParent()));
        Map<Path, String> statistics = new HashMap<>();
        members.forEach((group, grouped) -> {
            double[] values = grouped.stream().mapToDouble(RunInfo::headlineValue).filter(v -> !Double.isNaN(v)).toArray();
            if (values.length > 0) {
                SeedGroup.Statistic statistic = SeedGroup.statistic(grouped.get(0).headlineMetric(), values);
                statistics.put(group, statistic.meanStd() + " (n=" + values.length + ")");
            }
        });
        return statistics;
    }

    /** Sorts numbers ascending with missing values (NaN) last. */
    private static Comparator<RunInfo> numeric(ToDoubleFunction<RunInfo> value) {
        return (a, b) -> {
            double x = value.applyAsDouble(a);
            double y = value.applyAsDouble(b);
            return Double.isNaN(x) || Double.isNaN(y) ? Boolean.compare(Double.isNaN(x), Double.isNaN(y)) : Double.compare(x, y);
        };
    }

    private static double number(String text) {
        try {
            return text == null || text.isBlank() ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** @return the rows as shown: filtered and in the chosen order */
    public List<RunInfo> visibleRuns() {
        return Arrays.stream(viewer.getTable().getItems()).map(item -> (RunInfo) item.getData()).toList();
    }

    /** @return the filter field above the table (for tests) */
    public Text filterField() {
        return filterField;
    }

    /** Sorts by the column with this title, as a click on its header does (for tests). */
    public void sortBy(String title) {
        for (TableColumn column : viewer.getTable().getColumns()) {
            if (column.getText().equals(title)) {
                column.notifyListeners(SWT.Selection, new Event());
            }
        }
    }

    /**
     * @param run a listed run
     * @return its Group mean ± std cell: its seed group's headline mean ± std, or empty (for tests)
     */
    public String groupOf(RunInfo run) {
        return groups.getOrDefault(run.directory().getParent(), "");
    }

    /**
     * @param run a listed run
     * @return its Workers cell: how many processes trained it, empty while it trains (for tests)
     */
    public String workersOf(RunInfo run) {
        return workers(run.directory());
    }

    /** @return the runs in the table (for tests) */
    public List<RunInfo> runs() {
        return shown;
    }

    private List<RunInfo> selected() {
        return ((IStructuredSelection) viewer.getSelection()).toList().stream().map(RunInfo.class::cast).toList();
    }

    private void open(RunInfo run) {
        try {
            RunViews.openRun(getSite().getPage(), run.directory());
        } catch (PartInitException e) {
            ILog.of(RunsView.class).error("cannot open the run " + run.directory(), e);
        }
    }

    private void compare() {
        List<RunInfo> runs = selected();
        if (runs.size() < 2) {
            MessageDialog.openInformation(getSite().getShell(), "Compare runs", "Select two or more runs to compare.");
            return;
        }
        try {
            RunViews.compare(getSite().getPage(), runs.stream().map(RunInfo::directory).toList());
        } catch (PartInitException e) {
            ILog.of(getClass()).error("cannot open the comparison", e);
        }
    }

    /** Selects runs by name, as a user's clicks would (for tests). */
    public void select(List<String> names) {
        viewer.setSelection(new StructuredSelection(shown.stream()
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
                RunTable.write(visibleRuns(), Path.of(file));
            } catch (IOException e) {
                MessageDialog.openError(getSite().getShell(), "Export runs", "Cannot write " + file + ": " + e.getMessage());
            }
        }
    }

    /** Compare Samples on the selected runs (the table's context menu; public for tests). */
    public void compareSamplesSelected() {
        List<RunInfo> runs = selected();
        if (runs.size() < 2) {
            MessageDialog.openInformation(getSite().getShell(), "Compare samples", "Select two or more runs to compare.");
            return;
        }
        try {
            RunViews.compareSamples(getSite().getPage(), runs.stream().map(RunInfo::directory).toList());
        } catch (PartInitException e) {
            ILog.of(getClass()).error("cannot open the sample comparison", e);
        }
    }

    /** Export Test Arrays as NumPy on the selected run (the table's context menu; public for tests). */
    public void exportNpzSelected() {
        List<RunInfo> runs = selected();
        if (runs.size() != 1) {
            MessageDialog.openInformation(getSite().getShell(), "Export Test Arrays as NumPy", "Select one run to export.");
            return;
        }
        NumPyExportFlow.start(getSite().getShell(), runs.get(0).directory(), registry,
                message -> getViewSite().getActionBars().getStatusLineManager().setMessage(message));
    }

    /** Export Network as ONNX... on the selected run (the table's context menu; public for tests). */
    public void exportOnnxSelected() {
        List<RunInfo> runs = selected();
        if (runs.size() != 1) {
            MessageDialog.openInformation(getSite().getShell(), "Export Network as ONNX", "Select one run to export.");
            return;
        }
        OnnxExportFlow.start(getSite().getShell(), runs.get(0).directory(), registry,
                message -> getViewSite().getActionBars().getStatusLineManager().setMessage(message));
    }

    private void race() {
        Path file = chooseExperiment("Race optimizers: experiment");
        if (file == null) {
            return;
        }
        List<String> installed = registry.list(OptimizerFactory.class).stream().map(RegisteredContribution::id).toList();
        ListSelectionDialog choose = ListSelectionDialog.of(installed)
                .contentProvider(ArrayContentProvider.getInstance()).labelProvider(new LabelProvider())
                .message("Optimizers to race (each from the same initial weights and minibatch order):")
                .create(getSite().getShell());
        choose.setTitle("Race optimizers");
        choose.setInitialElementSelections(installed.stream()
                .filter(id -> List.of("sgd", "momentum", "rmsprop", "adam").contains(id)).toList());
        if (choose.open() == Window.OK && choose.getResult().length > 0) {
            new RaceJob(file, Arrays.stream(choose.getResult()).map(String::valueOf).toList(), registry).schedule();
        }
    }

    private void exportMetrics() {
        List<RunInfo> runs = selected();
        if (runs.isEmpty()) {
            MessageDialog.openInformation(getSite().getShell(), "Export metrics", "Select the runs to export.");
            return;
        }
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] {"*.csv"});
        dialog.setFileName("metrics.csv");
        String file = dialog.open();
        if (file != null) {
            try {
                OptimizerRace.writeMetrics(runs.stream().map(RunInfo::directory).toList(),
                        Path.of(file));
            } catch (IOException e) {
                MessageDialog.openError(getSite().getShell(), "Export metrics", "Cannot write " + file + ": " + e.getMessage());
            }
        }
    }

    /**
     * Moves run folders into the runs folder's archive (kept on disk, no longer listed).
     *
     * @param runs the runs
     * @throws IOException if one cannot be moved (those before it are archived)
     */
    public void archive(List<RunInfo> runs) throws IOException {
        try {
            RunFolders.archive(RunsPreferences.runsFolder(), runs.stream().map(RunInfo::directory).toList());
        } finally {
            refresh();
        }
    }

    private void archive() {
        try {
            archive(selected());
        } catch (IOException e) {
            MessageDialog.openError(getSite().getShell(), "Archive runs", "Cannot archive: " + e.getMessage());
        }
    }

    private void runExperiment() {
        Path file = chooseExperiment("Run Experiment");
        if (file != null) {
            ExperimentJob.train(file, registry).schedule();
        }
    }

    private void submitSweep() {
        Path file = chooseExperiment("Submit Sweep to Spark");
        if (file != null) {
            new SparkSweepJob(file, registry).schedule();
        }
    }

    private void trainOnSpark() {
        Path file = chooseExperiment("Train on Spark");
        if (file == null) {
            return;
        }
        InputDialog workers = new InputDialog(getSite().getShell(), "Train on Spark", "Workers training the model together"
                + " (one task slot each; each trains on its share of every batch):", "2", text -> {
                    try {
                        int count = Integer.parseInt(text.strip());
                        return count >= 1 && count <= 256 ? null : "from 1 to 256 workers";
                    } catch (NumberFormatException e) {
                        return "a whole number of workers";
                    }
                });
        if (workers.open() == Window.OK) {
            new SparkTrainingJob(file, Integer.parseInt(workers.getValue().strip()), registry).schedule();
        }
    }

    /** @return the experiment file the user chose, or {@code null} */
    private Path chooseExperiment(String title) {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN);
        dialog.setText(title);
        dialog.setFilterExtensions(new String[] {"*.experiment.yaml", "*.yaml"});
        String file = dialog.open();
        return file == null ? null : Path.of(file);
    }

    private void branch() {
        List<RunInfo> runs = selected();
        if (runs.size() != 1) {
            MessageDialog.openInformation(getSite().getShell(), "Branch run", "Select one run to branch from.");
            return;
        }
        Path source = runs.get(0).directory();
        List<String> phases = RunFolders.phases(source).stream().map(String::valueOf).toList();
        if (phases.isEmpty()) {
            MessageDialog.openInformation(getSite().getShell(), "Branch run", runs.get(0).name() + " kept no phase"
                    + " checkpoints (models with phases, such as the stacked autoencoder, keep one where each phase begins).");
            return;
        }
        List<String> available = phases;
        InputDialog phase = new InputDialog(getSite().getShell(), "Branch run", "Phase to branch from (kept: "
                + String.join(", ", phases) + "):", phases.get(phases.size() - 1),
                text -> available.contains(text.strip()) ? null : "One of " + String.join(", ", available) + ".");
        if (phase.open() != InputDialog.OK) {
            return;
        }
        Path file = chooseExperiment("Branch run: the new run's experiment (same networks, other settings)");
        if (file != null) {
            ExperimentJob.branch(source, Integer.parseInt(phase.getValue().strip()), file, registry).schedule();
        }
    }

    private void rename() {
        List<RunInfo> runs = selected();
        if (runs.size() != 1) {
            MessageDialog.openInformation(getSite().getShell(), "Rename run", "Select one run to rename.");
            return;
        }
        RunInfo run = runs.get(0);
        if ("running".equals(run.status())) {
            MessageDialog.openInformation(getSite().getShell(), "Rename run", run.name()
                    + " is training; rename it when it has stopped.");
            return;
        }
        InputDialog dialog = new InputDialog(getSite().getShell(), "Rename run", "New folder name for " + run.name() + ":",
                run.name(), name -> RunFolders.renameProblem(run.directory(), name));
        if (dialog.open() == InputDialog.OK) {
            try {
                rename(run.directory(), dialog.getValue().strip());
            } catch (IOException e) {
                MessageDialog.openError(getSite().getShell(), "Rename run", "Cannot rename " + run.directory() + ": "
                        + e.getMessage());
            }
        }
    }

    /**
     * Renames a run folder (metrics, checkpoints and samples move with it).
     *
     * @param directory the run folder
     * @param name its new name
     * @throws IOException if it cannot be renamed; nothing is lost then
     */
    public void rename(Path directory, String name) throws IOException {
        RunFolders.rename(directory, name);
        refresh();
    }

    private void openFolder() {
        for (RunInfo run : selected()) {
            if (!Program.launch(run.directory().toString())) {
                MessageDialog.openInformation(getSite().getShell(), "Open folder", "No file manager is set up to open"
                        + " folders; the run is in\n" + run.directory());
            }
        }
    }

    private void delete() {
        List<RunInfo> runs = selected();
        if (runs.isEmpty() || !MessageDialog.openConfirm(getSite().getShell(), "Delete runs", "Delete " + runs.size()
                + " run folder(s) with their checkpoints, metrics and samples? This cannot be undone.")) {
            return;
        }
        for (RunInfo run : runs) {
            try {
                RunFolders.delete(run.directory());
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

    /** @return how many processes trained the run, from its summary; empty while it trains */
    private String workers(Path run) {
        String known = workers.get(run);
        if (known != null) {
            return known;
        }
        Map<String, String> summary = RunRecord.summary(run);
        if (summary.isEmpty()) {
            return "";
        }
        String count = summary.getOrDefault("processes", "1"); // runs from before data-parallel training: one
        workers.put(run, count);
        return count;
    }
}
