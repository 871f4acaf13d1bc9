package io.latentlab.ui.runs.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.swt.ChartComposite;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.latentlab.runs.ImageGrid;
import io.latentlab.runs.RunFigures;

/**
 * A run editor page for one of the model's figures ({@link RunFigures}): its drawing at any epoch,
 * chosen with a slider; images with their captions on them, or bars.
 */
final class FigurePage {

    private final Path run;
    private final String id;
    private final Composite parent;
    private final EpochSlider epochs;
    private ImageCanvas canvas;
    private XYSeries bars;
    private RunFigures.Drawn shown;

    /**
     * @param parent the page to fill
     * @param run the run directory
     * @param id the figure's id
     */
    FigurePage(Composite parent, Path run, String id) {
        this.parent = parent;
        this.run = run;
        this.id = id;
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(parent);
        epochs = new EpochSlider(parent, "figure", this::show);
        refresh();
    }

    /** Lists the epochs drawn again; shows the newest if the slider was at the end. */
    void refresh() {
        epochs.setEpochs(RunFigures.epochs(run, id), "Not drawn yet");
    }

    private void show(int epoch) {
        if (shown != null && shown.epoch() == epoch && !shown.isImages()) {
            return; // bars do not change once written
        }
        RunFigures.Drawn drawn;
        try {
            drawn = RunFigures.read(run, id, epoch);
        } catch (IOException e) {
            return; // being written: read at the next refresh
        }
        if (drawn.isImages()) {
            showImages(drawn);
        } else {
            showBars(drawn);
        }
        shown = drawn;
    }

    private void showImages(RunFigures.Drawn drawn) {
        if (canvas == null) {
            canvas = new ImageCanvas(parent);
            place(canvas);
        }
        if (canvas.show(drawn.image())) {
            canvas.setCaptions(captions(drawn));
        }
    }

    /** Each caption on its example's image in the last band, as {@link ImageGrid} lays the grid out. */
    private static List<ImageCanvas.Caption> captions(RunFigures.Drawn drawn) {
        List<ImageCanvas.Caption> placed = new ArrayList<>();
        for (int i = 0; i < drawn.captions().size(); i++) {
            int column = i % RunFigures.COLUMNS;
            int row = (i / RunFigures.COLUMNS) * drawn.bands() + drawn.bands() - 1;
            placed.add(new ImageCanvas.Caption(ImageGrid.GAP + column * (drawn.imageWidth() + ImageGrid.GAP),
                    ImageGrid.GAP + row * (drawn.imageHeight() + ImageGrid.GAP), drawn.captions().get(i)));
        }
        return placed;
    }

    private void showBars(RunFigures.Drawn drawn) {
        if (bars == null) {
            bars = new XYSeries(drawn.value(), false, false);
            JFreeChart chart = Charts.bars(drawn.title(), drawn.category(), drawn.value(), new XYSeriesCollection(bars));
            place(new ChartComposite(parent, SWT.NONE, chart, true));
        }
        bars.setNotify(false);
        bars.clear();
        for (int i = 0; i < drawn.values().length; i++) {
            bars.add(i, drawn.values()[i]);
        }
        bars.setNotify(true);
    }

    private void place(Control control) {
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(control);
        parent.layout(true, true);
    }

    /** @return the epoch slider (for tests) */
    EpochSlider epochs() {
        return epochs;
    }

    /** @return the captions drawn on an image figure (for tests) */
    List<String> captions() {
        return canvas == null ? List.of() : canvas.captions().stream().map(ImageCanvas.Caption::text).toList();
    }

    /** @return what is shown: the figure as drawn at the selected epoch, or {@code null} (for tests) */
    RunFigures.Drawn shown() {
        return shown;
    }
}
