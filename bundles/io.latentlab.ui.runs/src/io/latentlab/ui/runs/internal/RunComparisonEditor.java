package io.latentlab.ui.runs.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.swt.ChartComposite;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import io.latentlab.runs.MetricsTail;
import io.latentlab.runs.RunRecord;
import io.latentlab.studies.ParallelCoordinates;
import io.latentlab.studies.SeedGroup;
import io.latentlab.ui.ReadOnlyEditor;
import io.latentlab.ui.ViewParts;
import io.latentlab.ui.runs.RunEditorInput;
import io.latentlab.ui.runs.RunViews;
import io.latentlab.ui.runs.RunsEditorInput;
import io.latentlab.ui.runs.RunsPreferences;

/**
 * Several runs side by side: one metric of every run overlaid in one chart (live, for runs still
 * training, e.g. an optimizer race), the runs of a seed group as their mean with a ± std band, the
 * configuration fields in which they differ, and the same as parallel coordinates against the
 * headline metric (e.g. a sweep's trials).
 */
public final class RunComparisonEditor extends ReadOnlyEditor {

    /** The editor's id. */
    public static final String ID = RunViews.COMPARE_EDITOR_ID;

    private List<Path> runs;
    private final List<MetricsTail> tails = new ArrayList<>();
    private final List<Map<String, XYSeries>> values = new ArrayList<>();
    private final XYSeriesCollection shown = new XYSeriesCollection();
    private final TreeSet<String> metrics = new TreeSet<>();
    private JFreeChart chart;
    private Combo metric;
    private String selected = "train_loss";
    private ParallelCoordinates parallel;
    /** The seed groups among the runs (two or more members each): run indices by group folder. */
    private final Map<Path, List<Integer>> groups = new LinkedHashMap<>();
    private final YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
    private boolean groupsAsBands;
    /** What the bands were computed from (metric and points), so that they are redrawn only when it changes. */
    private String bandsOf = "";

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof RunsEditorInput runsInput)) {
            throw new PartInitException("the run comparison opens runs, not " + input.getName());
        }
        setSite(site);
        setInput(input);
        runs = runsInput.runs();
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
    }

    @Override
    public void createPartControl(Composite parent) {
        for (Path run : runs) {
            tails.add(new MetricsTail(run));
            values.add(new LinkedHashMap<>());
        }
        parent.setLayout(new GridLayout(1, false));
        Composite controls = new Composite(parent, SWT.NONE);
        controls.setLayout(new RowLayout(SWT.HORIZONTAL));
        new Label(controls, SWT.NONE).setText("Metric");
        metric = new Combo(controls, SWT.READ_ONLY);
        metric.addListener(SWT.Selection, e -> show(metric.getText()));
        Button log = new Button(controls, SWT.CHECK);
        log.setText("Log scale");
        log.addListener(SWT.Selection, e -> Charts.logScale(List.of(chart), log.getSelection()));
        for (int i = 0; i < runs.size(); i++) {
            if (SeedGroup.isMember(runs.get(i))) {
                groups.computeIfAbsent(runs.get(i).getParent(), group -> new ArrayList<>()).add(i);
            }
        }
        groups.values().removeIf(members -> members.size() < 2);
        if (!groups.isEmpty()) {
            groupsAsBands = true;
            Button bandsBox = new Button(controls, SWT.CHECK);
            bandsBox.setText("Seed groups as mean \u00b1 std");
            bandsBox.setSelection(true);
            bandsBox.addListener(SWT.Selection, e -> setGroupsAsBands(bandsBox.getSelection()));
        }

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        chart = Charts.lines(selected, shown);
        Charts.bands(chart, bands);
        new ChartComposite(sash, SWT.NONE, chart, true);
        TabFolder tabs = new TabFolder(sash, SWT.BOTTOM);
        TabItem differing = new TabItem(tabs, SWT.NONE);
        differing.setText("Differences");
        differing.setControl(differences(tabs));
        TabItem parallelTab = new TabItem(tabs, SWT.NONE);
        parallelTab.setText("Parallel coordinates");
        parallel = ParallelCoordinates.of(runs);
        parallelTab.setControl(new ChartComposite(tabs, SWT.NONE, Charts.parallel(parallel), true));
        sash.setWeights(55, 45);
        refresh();
        ViewParts.every(parent, RunsPreferences::refreshMilliseconds, this::refresh);
    }

    /** The configuration fields whose values differ between the runs, one column per run. */
    private Table differences(Composite parent) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        TableColumn field = new TableColumn(table, SWT.NONE);
        field.setText("Differs");
        field.setWidth(260);
        List<Map<String, String>> configurations = runs.stream().map(RunRecord::configuration).toList();
        for (Path run : runs) {
            TableColumn column = new TableColumn(table, SWT.NONE);
            column.setText(RunEditorInput.shortName(run)); // the date and time are in the tooltip
            column.setToolTipText(run.toString());
            column.pack();
            column.setWidth(Math.max(120, column.getWidth()));
        }
        TreeSet<String> keys = new TreeSet<>();
        configurations.forEach(configuration -> keys.addAll(configuration.keySet()));
        for (String key : keys) {
            if (key.equals("name") || configurations.stream().map(c -> c.get(key)).distinct().count() == 1) {
                continue;
            }
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(0, key);
            for (int i = 0; i < runs.size(); i++) {
                item.setText(i + 1, String.valueOf(configurations.get(i).getOrDefault(key, "")));
            }
        }
        return table;
    }

    /** Shows the parallel coordinates tab (for tests and screenshots). */
    public void showParallelCoordinates() {
        for (Control control : metric.getParent().getParent().getChildren()) {
            if (control instanceof SashForm sash) {
                for (Control child : sash.getChildren()) {
                    if (child instanceof TabFolder tabs) {
                        tabs.setSelection(1);
                    }
                }
            }
        }
    }

    /** @return the parallel coordinates shown (for tests) */
    public ParallelCoordinates parallelCoordinates() {
        return parallel;
    }

    /** Reads what each run appended since the last refresh; public for tests. */
    public void refresh() {
        for (int i = 0; i < runs.size(); i++) {
            try {
                for (MetricsTail.Point point : tails.get(i).next()) {
                    values.get(i).computeIfAbsent(point.name(), name -> new XYSeries(name,
                            true, true)).add(point.step(), point.value(), false);
                    metrics.add(point.name());
                }
            } catch (IOException e) {
                // a run being written: the next refresh reads it
            }
        }
        if (metric.getItemCount() != metrics.size()) {
            metric.setItems(metrics.toArray(String[]::new));
            metric.setText(selected);
        }
        show(selected);
    }

    private void show(String name) {
        // title and series only change when they must: each change redraws the chart, and a
        // comparison whose runs have no values (deleted, not started) must not redraw every refresh
        boolean changed = !name.equals(selected);
        selected = name;
        if (chart.getTitle() == null || !name.equals(chart.getTitle().getText())) {
            chart.setTitle(name);
        }
        if (changed && shown.getSeriesCount() > 0) {
            shown.removeAllSeries();
        }
        for (int i = 0; i < runs.size(); i++) {
            XYSeries source = values.get(i).get(name);
            String label = runs.get(i).getFileName().toString();
            int index = shown.getSeriesIndex(label);
            if (source == null || inBand(i)) {
                continue;
            }
            XYSeries target = index >= 0 ? shown.getSeries(index) : new XYSeries(label, true, true);
            for (int j = target.getItemCount(); j < source.getItemCount(); j++) {
                target.add(source.getX(j), source.getY(j), j == source.getItemCount() - 1);
            }
            if (index < 0) {
                shown.addSeries(target);
            }
        }
        showBands(name);
    }

    private boolean inBand(int run) {
        return groupsAsBands && groups.values().stream().anyMatch(members -> members.contains(run));
    }

    /**
     * Draws each seed group as the mean of its runs at every step they all reached, with ± one
     * (sample) standard deviation around it, or nothing when the groups are shown run by run.
     */
    private void showBands(String name) {
        StringBuilder key = new StringBuilder(groupsAsBands ? name : "");
        groups.values().forEach(members -> members.forEach(i -> key.append(',')
                .append(values.get(i).containsKey(name) ? values.get(i).get(name).getItemCount() : 0)));
        if (key.toString().equals(bandsOf)) {
            return;
        }
        bandsOf = key.toString();
        bands.removeAllSeries();
        if (!groupsAsBands) {
            return;
        }
        for (Map.Entry<Path, List<Integer>> group : groups.entrySet()) {
            List<XYSeries> members = group.getValue().stream().map(i -> values.get(i).get(name)).toList();
            if (members.contains(null)) {
                continue;
            }
            YIntervalSeries band = new YIntervalSeries(group.getKey().getFileName() + " (n=" + members.size() + ")");
            XYSeries first = members.get(0);
            for (int j = 0; j < first.getItemCount(); j++) {
                Number step = first.getX(j);
                double[] at = new double[members.size()];
                boolean all = true;
                for (int m = 0; m < at.length && all; m++) {
                    int index = members.get(m).indexOf(step);
                    all = index >= 0;
                    at[m] = all ? members.get(m).getY(index).doubleValue() : Double.NaN;
                }
                if (all) {
                    SeedGroup.Statistic statistic = SeedGroup.statistic(name, at);
                    band.add(step.doubleValue(), statistic.mean(), statistic.mean() - statistic.std(),
                            statistic.mean() + statistic.std());
                }
            }
            bands.addSeries(band);
        }
    }

    /**
     * Shows the seed groups as mean ± std bands, or their runs one by one.
     *
     * @param on whether to draw bands
     */
    public void setGroupsAsBands(boolean on) {
        groupsAsBands = on && !groups.isEmpty();
        shown.removeAllSeries();
        bandsOf = "";
        show(selected);
    }

    /**
     * @param group a seed group's folder name
     * @return its band's last point: step, mean, mean - std, mean + std; or {@code null} (for tests)
     */
    public double[] lastOfBand(String group) {
        for (int i = 0; i < bands.getSeriesCount(); i++) {
            YIntervalSeries band = bands.getSeries(i);
            if (band.getKey().toString().startsWith(group + " ") && band.getItemCount() > 0) {
                int last = band.getItemCount() - 1;
                return new double[] {band.getX(last).doubleValue(), band.getYValue(last), band.getYLowValue(last),
                    band.getYHighValue(last)};
            }
        }
        return null;
    }

    /** @return the number of series overlaid (for tests) */
    public int seriesCount() {
        return shown.getSeriesCount();
    }

    @Override
    public void setFocus() {
        metric.setFocus();
    }
}
