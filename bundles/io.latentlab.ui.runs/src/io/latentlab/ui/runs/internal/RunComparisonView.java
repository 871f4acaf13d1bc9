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
import org.eclipse.ui.part.ViewPart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.swt.ChartComposite;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.latentlab.runs.MetricsTail;
import io.latentlab.runs.RunRecord;
import io.latentlab.studies.ParallelCoordinates;
import io.latentlab.ui.ViewParts;
import io.latentlab.ui.runs.RunViews;
import io.latentlab.ui.runs.RunsPreferences;

/**
 * Several runs side by side: one metric of every run overlaid in one chart (live, for runs still
 * training, e.g. an optimizer race), the configuration fields in which they differ, and the same
 * as parallel coordinates against the headline metric (e.g. a sweep's trials).
 */
public final class RunComparisonView extends ViewPart {

    private List<Path> runs;
    private final List<MetricsTail> tails = new ArrayList<>();
    private final List<Map<String, XYSeries>> values = new ArrayList<>();
    private final XYSeriesCollection shown = new XYSeriesCollection();
    private final TreeSet<String> metrics = new TreeSet<>();
    private JFreeChart chart;
    private Combo metric;
    private String selected = "train_loss";
    private ParallelCoordinates parallel;

    @Override
    public void createPartControl(Composite parent) {
        runs = RunViews.runs(getViewSite().getSecondaryId());
        setPartName("Compare " + runs.size() + " runs");
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

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        chart = Charts.lines(selected, shown);
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
            column.setText(run.getFileName().toString());
            column.setWidth(200);
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
            if (source == null) {
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
