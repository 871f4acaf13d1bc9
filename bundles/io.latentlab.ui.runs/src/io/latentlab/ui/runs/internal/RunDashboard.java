package io.latentlab.ui.runs.internal;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.swt.ChartComposite;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.engine.ModelStep;
import io.latentlab.runs.AtomicFile;
import io.latentlab.runs.MetricsTail;
import io.latentlab.runs.RunDirectory;
import io.latentlab.runs.RunInfo;
import io.latentlab.runs.RunRecord;

/**
 * A run's dashboard, the run editor's Charts page: its training metrics and its evaluation
 * metrics as live JFreeChart line charts (read from {@code metrics.csv} as it grows, at the
 * preferences' refresh interval, 1 s by default, so training keeps its speed), the latest sample
 * grid, and its status. Works the same for a finished run.
 */
public final class RunDashboard {

    /** Per-step bookkeeping that would only clutter the loss chart. */
    private static final Set<String> HIDDEN = Set.of("train_phase");
    /** The prefix of the learning-rate metrics ({@code train_learning_rate}, {@code train_learning_rate_<network>}). */
    private static final String LEARNING_RATE = "train_" + ModelStep.LEARNING_RATE;

    private final ContributionRegistry registry;
    private final Path run;
    private final MetricsTail tail;
    private final RunInfo.Cache runInfo = new RunInfo.Cache();
    private Label status;
    private final XYSeriesCollection training = new XYSeriesCollection();
    private final XYSeriesCollection evaluation = new XYSeriesCollection();
    /** The learning rates the engine logs, on the training chart's second axis: their scale is another. */
    private final XYSeriesCollection rates = new XYSeriesCollection();
    private final Map<String, XYSeries> raw = new HashMap<>();
    private final Map<String, XYSeries> shown = new HashMap<>();
    private JFreeChart trainingChart;
    private JFreeChart evaluationChart;
    private int smoothing;
    private double phase = Double.NaN;
    private int phases;
    private String bundleWarning = "";
    private ImageCanvas samples;
    private Text configuration;
    private Table bundles;

    /**
     * @param parent the page to fill
     * @param run the run directory
     * @param registry the installed contributions (to tell which of the run's bundles differ now)
     */
    RunDashboard(Composite parent, Path run, ContributionRegistry registry) {
        this.run = run;
        this.registry = registry;
        this.tail = new MetricsTail(run);
        parent.setLayout(new GridLayout(1, false));

        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        Composite controls = new Composite(parent, SWT.NONE);
        controls.setLayout(new RowLayout(SWT.HORIZONTAL));
        Button log = new Button(controls, SWT.CHECK);
        log.setText("Log scale");
        log.addListener(SWT.Selection, e -> setLogScale(log.getSelection()));
        new Label(controls, SWT.NONE).setText("  Smoothing");
        Scale smooth = new Scale(controls, SWT.HORIZONTAL);
        smooth.setMinimum(0);
        smooth.setMaximum(50);
        smooth.setToolTipText("moving average over this many points (training chart)");
        smooth.addListener(SWT.Selection, e -> {
            smoothing = smooth.getSelection();
            rebuildSmoothed();
        });
        Button png = new Button(controls, SWT.PUSH);
        png.setText("Export PNG...");
        png.addListener(SWT.Selection, e -> export("Export PNG", "training.png",
                file -> ChartUtils.saveChartAsPNG(file.toFile(), trainingChart, 1200, 800)));
        Button svg = new Button(controls, SWT.PUSH);
        svg.setText("Export SVG...");
        svg.addListener(SWT.Selection, e -> export("Export SVG", "training.svg", this::writeSvg));
        Button csv = new Button(controls, SWT.PUSH);
        csv.setText("Export CSV...");
        csv.addListener(SWT.Selection, e -> export("Export CSV", "metrics.csv",
                file -> Files.copy(run.resolve(RunDirectory.METRICS), file, StandardCopyOption.REPLACE_EXISTING)));

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        trainingChart = Charts.lines("Training", training);
        evaluationChart = Charts.lines("Evaluation", evaluation);
        new ChartComposite(sash, SWT.NONE, trainingChart, true);
        new ChartComposite(sash, SWT.NONE, evaluationChart, true);
        Charts.secondAxis(trainingChart, rates, "learning rate");
        TabFolder details = new TabFolder(sash, SWT.BOTTOM);
        samples = new ImageCanvas(details);
        TabItem samplesTab = new TabItem(details, SWT.NONE);
        samplesTab.setText("Samples");
        samplesTab.setControl(samples);
        configuration = new Text(details, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        configuration.setFont(JFaceResources.getTextFont());
        TabItem configurationTab = new TabItem(details, SWT.NONE);
        configurationTab.setText("Configuration");
        configurationTab.setToolTipText("The run's resolved parameters, defaults filled in (resolved.json)");
        configurationTab.setControl(configuration);
        bundles = new Table(details, SWT.FULL_SELECTION);
        bundles.setHeaderVisible(true);
        for (String title : List.of("kind", "id", "bundle", "version")) {
            TableColumn column = new TableColumn(bundles, SWT.NONE);
            column.setText(title);
            column.setWidth(title.equals("bundle") ? 240 : 150);
        }
        TabItem bundlesTab = new TabItem(details, SWT.NONE);
        bundlesTab.setText("Bundles");
        bundlesTab.setToolTipText("The contributions the run used, with their bundles and versions (bundles.json)");
        bundlesTab.setControl(bundles);
        sash.setWeights(40, 30, 30);
        try {
            List<String> differences = RunRecord.bundleDifferences(run, registry);
            if (!differences.isEmpty()) {
                bundleWarning = "\nWarning: this run was made with other bundles: " + String.join("; ", differences);
            }
        } catch (IllegalStateException e) {
            bundleWarning = "";
        }
        refresh(); // then the run editor refreshes it while it is the page shown
    }

    /** Fills the configuration and bundles tabs once the run has written them (before its first step). */
    private void showRecord() {
        if (configuration.getCharCount() > 0) {
            return;
        }
        StringBuilder text = new StringBuilder();
        RunRecord.configuration(run).forEach((path, value) -> text.append(path).append(" = ").append(value).append('\n'));
        configuration.setText(text.toString());
        bundles.removeAll();
        for (Map<String, String> used : RunRecord.bundles(run)) {
            new TableItem(bundles, SWT.NONE).setText(new String[] {used.get("kind"), used.get("id"), used.get("bundle"),
                used.get("version")});
        }
    }

    /** @return the configuration tab's lines and the bundles tab's rows, as shown (for tests) */
    public List<String> record() {
        List<String> lines = new ArrayList<>(configuration.getText().lines().toList());
        for (TableItem item : bundles.getItems()) {
            lines.add(item.getText(0) + " " + item.getText(1) + " " + item.getText(2) + " " + item.getText(3));
        }
        return lines;
    }

    /** @return the latest progress line of a training run (epoch, step, examples/s, ETA), or empty */
    private String progress() {
        try {
            Path file = run.resolve(RunDirectory.PROGRESS);
            return Files.isRegularFile(file) ? Files.readString(file).strip().replaceAll("\\[[#.]*\\] ", "") : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** @param title the detail tab to show: Samples, Configuration or Bundles (for tests and screenshots) */
    public void showDetails(String title) {
        TabFolder details = (TabFolder) samples.getParent();
        for (TabItem item : details.getItems()) {
            if (item.getText().equals(title)) {
                details.setSelection(item);
            }
        }
    }

    /** @return the status line (for tests) */
    public String statusLine() {
        return status.getText();
    }

    /** Reads what the run appended since the last refresh; public for tests. */
    public void refresh() {
        try {
            showRecord();
            List<MetricsTail.Point> points = tail.next();
            Set<XYSeries> touched = new HashSet<>();
            for (MetricsTail.Point point : points) {
                if ("train_phase".equals(point.name())) {
                    markPhase(point);
                }
                if (HIDDEN.contains(point.name())) {
                    continue;
                }
                XYSeries series = raw.computeIfAbsent(point.name(), name -> new XYSeries(name, true, true));
                series.add(point.step(), point.value(), false);
                touched.add(series);
            }
            if (!touched.isEmpty()) {
                for (XYSeries series : touched) {
                    String name = (String) series.getKey();
                    if (!shown.containsKey(name)) {
                        XYSeries view = new XYSeries(name, true, true);
                        shown.put(name, view);
                        (name.startsWith(LEARNING_RATE) ? rates : name.startsWith("train_") ? training : evaluation)
                                .addSeries(view);
                    }
                    smooth(series, shown.get(name));
                }
            }
            RunInfo info = runInfo.of(run);
            String progress = progress();
            String text = String.format(Locale.ROOT, "%s   status: %s   model: %s   %s", run.getFileName(), info.status(),
                    info.model(), info.headlineMetric().isEmpty() ? latest() : info.headlineMetric() + " = "
                            + String.format(Locale.ROOT, "%.5g", info.headlineValue()))
                    + (progress.isEmpty() ? "" : "\n" + progress) + bundleWarning
                    + (tail.damagedLines() == 0 ? "" : "\n" + tail.damagedLines() + " damaged line(s) in "
                            + RunDirectory.METRICS + " skipped");
            if (!text.equals(status.getText())) { // unchanged: no layout, no paint
                status.setText(text);
                status.getParent().layout(new Control[] {status});
            }
            refreshSamples();
        } catch (IOException e) {
            String text = "Cannot read " + run + ": " + e.getMessage();
            if (!text.equals(status.getText())) {
                status.setText(text);
            }
        }
    }

    /** A vertical line where a model's phase changes (e.g. stacked AE pre-training layer 2, fine-tuning). */
    private void markPhase(MetricsTail.Point point) {
        if (point.value() != phase) {
            phase = point.value();
            ValueMarker marker = new ValueMarker(point.step());
            marker.setPaint(Color.GRAY);
            marker.setLabel("phase " + (int) phase);
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            trainingChart.getXYPlot().addDomainMarker(marker);
            phases++;
        }
    }

    /** @return the names of the series on the training chart's learning-rate axis (for tests) */
    public List<String> learningRateSeries() {
        List<String> names = new ArrayList<>();
        for (Object series : rates.getSeries()) {
            names.add((String) ((XYSeries) series).getKey());
        }
        return names;
    }

    /** @return how many phase boundaries are marked (for tests) */
    public int phaseMarkers() {
        return phases;
    }

    private String latest() {
        XYSeries loss = raw.get("train_loss");
        return loss == null || loss.isEmpty() ? "starting"
                : String.format(Locale.ROOT, "step %d, loss %.5g", (long) loss.getMaxX(), loss.getY(loss.getItemCount() - 1)
                        .doubleValue());
    }

    /** Copies a series into its displayed version, as a trailing moving average for training series. */
    private void smooth(XYSeries source, XYSeries target) {
        int window = ((String) source.getKey()).startsWith("train_") ? Math.max(1, smoothing) : 1;
        int from = target.getItemCount();
        if (from > source.getItemCount()) {
            target.clear();
            from = 0;
        }
        double sum = 0;
        for (int i = Math.max(0, from - window); i < from; i++) { // the window ending at from - 1
            sum += source.getY(i).doubleValue();
        }
        for (int i = from; i < source.getItemCount(); i++) {
            sum += source.getY(i).doubleValue();
            if (i - window >= 0) {
                sum -= source.getY(i - window).doubleValue();
            }
            int count = Math.min(window, i + 1);
            target.add(source.getX(i), sum / count, i == source.getItemCount() - 1);
        }
    }

    private void rebuildSmoothed() {
        for (Map.Entry<String, XYSeries> entry : raw.entrySet()) {
            XYSeries view = shown.get(entry.getKey());
            if (view != null) {
                view.clear();
                smooth(entry.getValue(), view);
            }
        }
    }

    private void setLogScale(boolean logarithmic) {
        Charts.logScale(List.of(trainingChart, evaluationChart), logarithmic);
    }

    private void refreshSamples() {
        Path samplesFolder = run.resolve("samples");
        if (!Files.isDirectory(samplesFolder)) {
            return;
        }
        try (Stream<Path> files = Files.list(samplesFolder)) {
            Path newest = files.filter(p -> p.toString().endsWith(".png")).sorted().reduce((a, b) -> b).orElse(null);
            if (newest != null && samples.show(newest)) { // a grid being written: the next refresh reads it
                String tip = newest.getFileName().toString();
                if (!tip.equals(samples.getToolTipText())) {
                    samples.setToolTipText(tip);
                }
            }
        } catch (IOException e) {
            // the folder is being written: the next refresh reads it
        }
    }

    /** Writes one export to the file the researcher chose. */
    private interface Export {
        void write(Path file) throws IOException;
    }

    /** Asks where to save (confirming an overwrite), writes, and logs and shows a failure. */
    private void export(String title, String fileName, Export export) {
        FileDialog dialog = new FileDialog(samples.getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] {"*" + fileName.substring(fileName.lastIndexOf('.'))});
        dialog.setFileName(run.getFileName() + "-" + fileName);
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file != null) {
            try {
                export.write(Path.of(file));
            } catch (IOException e) {
                ILog.of(RunDashboard.class).error("cannot write " + file, e);
                MessageDialog.openError(samples.getShell(), title, e.getMessage());
            }
        }
    }

    /**
     * Writes the training chart and the evaluation chart, one above the other, as a vector image.
     *
     * @param file the SVG file to write (replaced through a temporary file, never left half written)
     * @throws IOException if it cannot be written
     */
    public void writeSvg(Path file) throws IOException {
        int width = 1200;
        int height = 800;
        SVGGraphics2D svg = new SVGGraphics2D(width, 2 * height);
        trainingChart.draw(svg, new Rectangle2D.Double(0, 0, width, height));
        evaluationChart.draw(svg, new Rectangle2D.Double(0, height, width, height));
        AtomicFile.writeString(file, svg.getSVGDocument());
    }


    /** @return the number of values shown per metric, by metric name (for tests) */
    public Map<String, Integer> seriesSizes() {
        Map<String, Integer> sizes = new HashMap<>();
        raw.forEach((name, series) -> sizes.put(name, series.getItemCount()));
        return sizes;
    }

    /** Gives the sample grid the focus. */
    void setFocus() {
        samples.setFocus();
    }
}
