package io.latentlab.ui.latent.internal;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartMouseEvent;
import org.jfree.chart.ChartMouseListener;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.swt.ChartComposite;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import io.latentlab.analyses.LatentPaths;
import io.latentlab.analyses.LatentProjection;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.model.Model;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.runs.RunDirectory;

/**
 * A trained run's latent space, the run editor's Latent page: the test set's codes as a scatter
 * coloured by label (the codes themselves when 2-D, else their two principal components);
 * clicking a point shows what the model makes of it (the decoded code, or the reconstruction for
 * models that do not decode). For a 2-D latent space that decodes, a second tab shows the decoded
 * manifold over [-3, 3]^2. The model is loaded and the codes computed in a background job.
 */
public final class LatentSpace {

    private static final int EXAMPLES = 2000;

    /** The pages open, by run (for tests). */
    private static final Map<Path, LatentSpace> OPEN = new ConcurrentHashMap<>();

    private final ContributionRegistry registry;
    private final Path run;
    private Label status;
    private XYSeriesCollection points = new XYSeriesCollection();
    private Canvas canvas;
    private Image decoded;
    /** The decoded path from the previously clicked example's code to the last one's. */
    private Image strip;
    private int lastExample = -1;
    private volatile Model model;
    private INDArray features;
    private INDArray codes;
    private int[][] exampleOf; // [series][item] -> example index
    private Job job;
    private Canvas manifoldCanvas;
    private TabItem manifoldTab;
    /** The decoded grid over [-3, 3]^2 of a 2-D latent space, else null. */
    private Image manifold;

    /**
     * @param parent the page to fill
     * @param run the run directory
     * @param registry the contributions, to load the run's model
     */
    public LatentSpace(Composite parent, Path run, ContributionRegistry registry) {
        this.run = run;
        this.registry = registry;
        parent.setLayout(new GridLayout(1, false));
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        status.setText("Loading the model and encoding the test set...");
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        JFreeChart chart = ChartFactory.createScatterPlot("Test codes by label", "component 1", "component 2", points);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        TabFolder tabs = new TabFolder(sash, SWT.TOP);
        ChartComposite composite = new ChartComposite(tabs, SWT.NONE, chart, true);
        TabItem scatterTab = new TabItem(tabs, SWT.NONE);
        scatterTab.setText("Test codes");
        scatterTab.setControl(composite);
        manifoldCanvas = new Canvas(tabs, SWT.DOUBLE_BUFFERED);
        manifoldCanvas.addPaintListener(e -> paintManifold(e.gc));
        manifoldTab = new TabItem(tabs, SWT.NONE);
        manifoldTab.setText("Manifold");
        manifoldTab.setToolTipText("The decoder's output over a grid of 2-D codes in [-3, 3]^2 (2-D latent spaces)");
        manifoldTab.setControl(manifoldCanvas);
        composite.addChartMouseListener(new ChartMouseListener() {
            @Override
            public void chartMouseClicked(ChartMouseEvent event) {
                if (event.getEntity() instanceof XYItemEntity item && exampleOf != null) {
                    int example = exampleOf[item.getSeriesIndex()][item.getItem()];
                    show(example);
                    interpolate(lastExample, example);
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEvent event) {
            }
        });
        canvas = new Canvas(sash, SWT.DOUBLE_BUFFERED);
        canvas.addPaintListener(e -> {
            Rectangle area = canvas.getClientArea();
            e.gc.setInterpolation(SWT.NONE);
            int side = Math.min(area.width, strip == null ? area.height : area.height * 2 / 3);
            if (decoded != null) {
                Rectangle bounds = decoded.getBounds();
                e.gc.drawImage(decoded, 0, 0, bounds.width, bounds.height, 0, 0, side, side);
            }
            if (strip != null) { // below: the path between the last two clicked examples
                Rectangle bounds = strip.getBounds();
                int height = Math.max(1, area.width * bounds.height / bounds.width);
                e.gc.drawImage(strip, 0, 0, bounds.width, bounds.height, 0, side + 8, area.width, height);
            }
        });
        sash.setWeights(70, 30);
        OPEN.put(run.toAbsolutePath().normalize(), this);
        parent.addDisposeListener(event -> dispose());
        load(parent.getDisplay());
    }

    /**
     * @param run a run directory
     * @return its open Latent page, or {@code null} (for tests)
     */
    public static LatentSpace of(Path run) {
        return OPEN.get(run.toAbsolutePath().normalize());
    }

    private void load(Display display) {
        job = Job.create("Encoding " + run.getFileName(), (IProgressMonitor monitor) -> {
            try {
                ExperimentRunner.LoadedRun loaded = new ExperimentRunner(registry).load(run,
                        RunDirectory.experiment(new ExperimentReader(registry), run));
                long count = Math.min(EXAMPLES, loaded.dataset().testFeatures().size(0));
                INDArray x = loaded.dataset().testFeatures().get(NDArrayIndex.interval(0, count));
                INDArray encoded = loaded.model().encode(x).castTo(DataType.DOUBLE);
                double[][] projected = LatentProjection.project(encoded.toDoubleMatrix());
                INDArray labels = loaded.dataset().testLabels();
                int[] label = new int[(int) count];
                for (int i = 0; i < count; i++) {
                    label[i] = labels == null ? 0 : (int) labels.getDouble(i, 0);
                }
                ImageData grid = manifold(loaded.model(), encoded.size(1));
                display.asyncExec(() -> fill(loaded.model(), x, encoded, projected, label, grid));
                return Status.OK_STATUS;
            } catch (Exception e) {
                display.asyncExec(() -> {
                    if (!status.isDisposed()) {
                        status.setText("No latent space to show: " + e.getMessage());
                    }
                });
                return Status.OK_STATUS; // told in the view; not an error of the workbench
            }
        });
        job.schedule();
    }

    private void fill(Model loadedModel, INDArray x, INDArray encoded, double[][] projected, int[] label, ImageData grid) {
        if (status.isDisposed()) {
            return;
        }
        if (grid != null) {
            manifold = new Image(manifoldCanvas.getDisplay(), grid);
            manifoldCanvas.redraw();
        }
        model = loadedModel;
        features = x;
        codes = encoded;
        int classes = 0;
        for (int value : label) {
            classes = Math.max(classes, value + 1);
        }
        XYSeries[] series = new XYSeries[classes];
        int[] sizes = new int[classes];
        exampleOf = new int[classes][label.length];
        for (int c = 0; c < classes; c++) {
            series[c] = new XYSeries("label " + c, false, true);
        }
        for (int i = 0; i < label.length; i++) {
            series[label[i]].add(projected[i][0], projected[i][1], false);
            exampleOf[label[i]][sizes[label[i]]++] = i;
        }
        for (XYSeries each : series) {
            points.addSeries(each);
        }
        status.setText(String.format("%d test codes of size %d%s; click a point to see it decoded, click another to"
                + " see the path between them", label.length,
                encoded.size(1), encoded.size(1) > 2 ? " (two principal components)" : ""));
        show(0);
        lastExample = 0;
    }

    /**
     * Shows what the model makes of a test example: its code decoded, or its reconstruction.
     *
     * @param example the example's index
     */
    public void show(int example) {
        INDArray image;
        try {
            image = model.latentDimensions() == codes.size(1)
                    ? model.decode(codes.get(NDArrayIndex.interval(example, example + 1)))
                    : model.sample(features.get(NDArrayIndex.interval(example, example + 1)));
        } catch (UnsupportedOperationException e) {
            image = model.sample(features.get(NDArrayIndex.interval(example, example + 1)));
        }
        ImageData data = tiles(image, 1, 1);
        if (data == null) {
            return; // not a square grey image
        }
        if (decoded != null) {
            decoded.dispose();
        }
        decoded = new Image(canvas.getDisplay(), data);
        canvas.setToolTipText("test example " + example);
        canvas.redraw();
    }

    /** Points per axis of the manifold grid. */

    /** @return the decoded manifold grid of a 2-D latent space as one grey picture, or null */
    private static ImageData manifold(Model model, long codeSize) {
        if (codeSize != 2 || model.latentDimensions() != 2) {
            return null;
        }
        INDArray images;
        try {
            images = model.decode(LatentPaths.manifold());
        } catch (UnsupportedOperationException e) {
            return null;
        }
        return tiles(images, LatentPaths.MANIFOLD_SIDE * LatentPaths.MANIFOLD_SIDE, LatentPaths.MANIFOLD_SIDE);
    }

    /**
     * @param images [n, channels, height, width] with one (grey) or three (RGB) channels, or square
     *        vectors [n, side * side]
     * @param tiles how many images
     * @param columns images per row
     * @return them side by side, or {@code null} if they are not images
     */
    private static ImageData tiles(INDArray images, int tiles, int columns) {
        int channels = images.rank() == 4 ? (int) images.size(1) : 1;
        int height;
        int width;
        if (images.rank() == 4) {
            height = (int) images.size(2);
            width = (int) images.size(3);
        } else {
            height = (int) Math.round(Math.sqrt((double) images.length() / tiles));
            width = height;
        }
        int plane = height * width;
        float[] values = images.castTo(DataType.FLOAT).reshape(images.length()).toFloatVector();
        if ((channels != 1 && channels != 3) || (long) plane * channels * tiles != values.length) {
            return null;
        }
        int rows = (tiles + columns - 1) / columns;
        ImageData data = channels == 3 ? new ImageData(width * columns, height * rows, 24, new PaletteData(0xff0000,
                0xff00, 0xff)) : new ImageData(width * columns, height * rows, 8, new PaletteData(grey()));
        for (int tile = 0; tile < tiles; tile++) {
            int left = (tile % columns) * width;
            int top = (tile / columns) * height;
            int base = tile * plane * channels;
            for (int i = 0; i < plane; i++) {
                int pixel = channels == 1 ? level(values[base + i])
                        : level(values[base + i]) << 16 | level(values[base + plane + i]) << 8
                                | level(values[base + 2 * plane + i]);
                data.setPixel(left + i % width, top + i / width, pixel);
            }
        }
        return data;
    }

    private static int level(float value) {
        return Math.round(Math.max(0, Math.min(1, value)) * 255);
    }

    private void paintManifold(GC gc) {
        Rectangle area = manifoldCanvas.getClientArea();
        if (manifold == null) {
            gc.drawText("The manifold is drawn for models with a 2-D latent space that decode codes"
                    + " (e.g. a VAE with latent_dim: 2).", 10, 10, true);
            return;
        }
        int margin = 24;
        int side = Math.max(1, Math.min(area.width, area.height) - 2 * margin);
        Rectangle bounds = manifold.getBounds();
        gc.setInterpolation(SWT.HIGH);
        gc.drawImage(manifold, 0, 0, bounds.width, bounds.height, margin, margin / 2, side, side);
        gc.drawText("z1 from -3 (left) to 3 (right); z2 from 3 (top) to -3 (bottom)", margin, margin / 2 + side + 2, true);
    }

    /** @return whether the decoded manifold grid is there (2-D latent spaces; for tests) */
    public boolean showsAManifold() {
        return manifold != null;
    }

    /** Shows the manifold tab (for tests and screenshots). */
    public void showManifold() {
        manifoldTab.getParent().setSelection(manifoldTab);
    }

    /** Steps on the interpolation strip, both ends included. */
    private static final int PATH_STEPS = 8;

    /**
     * Decodes the straight path between two examples' codes as a strip of images (for models
     * that decode their codes), shown under the clicked example.
     *
     * @param from the first example, or -1
     * @param to the second example
     */
    public void interpolate(int from, int to) {
        lastExample = to;
        if (from < 0 || from == to || model == null || model.latentDimensions() != codes.size(1)) {
            return;
        }
        INDArray path = LatentPaths.between(codes.getRow(from), codes.getRow(to), PATH_STEPS, false);
        INDArray images;
        try {
            images = model.decode(path);
        } catch (UnsupportedOperationException e) {
            return;
        }
        ImageData data = tiles(images, PATH_STEPS, PATH_STEPS);
        if (data == null) {
            return;
        }
        if (strip != null) {
            strip.dispose();
        }
        strip = new Image(canvas.getDisplay(), data);
        canvas.redraw();
    }

    /** @return whether an interpolation strip is shown (for tests) */
    public boolean showsAPath() {
        return strip != null;
    }

    private static RGB[] grey() {
        RGB[] palette = new RGB[256];
        for (int i = 0; i < 256; i++) {
            palette[i] = new RGB(i, i, i);
        }
        return palette;
    }

    /** @return the background job that loads the run (for tests) */
    public Job job() {
        return job;
    }

    /** @return points per label series (for tests) */
    public int[] seriesSizes() {
        int[] sizes = new int[points.getSeriesCount()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = points.getSeries(i).getItemCount();
        }
        return sizes;
    }

    /** @return whether an example is shown (for tests) */
    public boolean showsAnImage() {
        return decoded != null;
    }

    private void dispose() {
        OPEN.remove(run.toAbsolutePath().normalize(), this);
        if (job != null) {
            job.cancel();
        }
        if (decoded != null) {
            decoded.dispose();
        }
        if (strip != null) {
            strip.dispose();
        }
        if (manifold != null) {
            manifold.dispose();
        }
    }
}
