package io.latentlab.ui.runs.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;

import io.latentlab.runs.RunFolders;
import io.latentlab.ui.ReadOnlyEditor;
import io.latentlab.ui.ViewParts;
import io.latentlab.ui.runs.RunEditorInput;
import io.latentlab.ui.runs.RunsEditorInput;
import io.latentlab.ui.runs.RunsPreferences;

/**
 * Compare Samples: the sample grids of several runs side by side at the same epoch, one slider
 * over the epochs for all (it follows the newest while runs train). With <i>Difference from the
 * first run</i>, every other run shows |its grid - the first run's| per pixel, with the mean
 * difference under its name: for runs of the same inputs (same seed and data), where the grids
 * show the same test images.
 */
public final class SampleComparisonEditor extends ReadOnlyEditor {

    /** The editor's id. */
    public static final String ID = "io.latentlab.ui.runs.samples";

    private final List<ImageCanvas> canvases = new ArrayList<>();
    private final List<Label> names = new ArrayList<>();
    private final List<Double> differences = new ArrayList<>();
    private List<Integer> epochs = List.of();
    private Scale slider;
    private Label caption;
    private Button difference;
    private boolean followNewest = true;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof RunsEditorInput)) {
            throw new PartInitException("the sample comparison opens runs, not " + input.getName());
        }
        setSite(site);
        setInput(input);
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
    }

    private List<Path> runs() {
        return ((RunsEditorInput) getEditorInput()).runs();
    }

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(parent);
        caption = new Label(parent, SWT.NONE);
        GridDataFactory.swtDefaults().hint(120, SWT.DEFAULT).applyTo(caption);
        slider = new Scale(parent, SWT.HORIZONTAL);
        slider.setMinimum(0);
        slider.setPageIncrement(1);
        slider.setToolTipText("the epoch whose grids to show, for every run");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(slider);
        slider.addListener(SWT.Selection, event -> {
            followNewest = slider.getSelection() == epochs.size() - 1;
            show();
        });
        difference = new Button(parent, SWT.CHECK);
        difference.setText("Difference from the first run");
        difference.setToolTipText("each other run as |its grid - the first run's grid|, for runs of the same inputs");
        difference.addListener(SWT.Selection, event -> show());

        Composite grids = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(runs().size()).equalWidth(true).applyTo(grids);
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(grids);
        for (Path run : runs()) {
            Label name = new Label(grids, SWT.CENTER);
            name.setText(RunEditorInput.shortName(run));
            name.setToolTipText(run.toString());
            GridDataFactory.fillDefaults().grab(true, false).applyTo(name);
            names.add(name);
        }
        for (int i = 0; i < runs().size(); i++) {
            ImageCanvas canvas = new ImageCanvas(grids);
            GridDataFactory.fillDefaults().grab(true, true).applyTo(canvas);
            canvases.add(canvas);
            differences.add(Double.NaN);
        }
        refresh();
        ViewParts.every(parent, RunsPreferences::refreshMilliseconds, this::refresh);
    }

    private static Path grid(Path run, int epoch) {
        return RunFolders.epochFile(run.resolve(RunFolders.SAMPLES), epoch, "png");
    }

    /** Lists the epochs any run has a grid of; shows the newest if the slider was at the end. */
    void refresh() {
        TreeSet<Integer> found = new TreeSet<>();
        for (Path run : runs()) {
            found.addAll(RunFolders.epochs(run.resolve(RunFolders.SAMPLES), "png"));
        }
        List<Integer> listed = List.copyOf(found);
        if (!listed.equals(epochs)) {
            epochs = listed;
            slider.setMaximum(Math.max(1, epochs.size() - 1));
            slider.setEnabled(epochs.size() > 1);
            if (followNewest) {
                slider.setSelection(Math.max(0, epochs.size() - 1));
            }
        }
        show();
    }

    private void show() {
        if (epochs.isEmpty()) {
            setText(caption, "no grids yet");
            return;
        }
        int epoch = epochs.get(Math.min(slider.getSelection(), epochs.size() - 1));
        setText(caption, "epoch " + epoch + " of " + epochs.get(epochs.size() - 1));
        Path reference = grid(runs().get(0), epoch);
        for (int i = 0; i < runs().size(); i++) {
            Path file = grid(runs().get(i), epoch);
            String name = RunEditorInput.shortName(runs().get(i));
            differences.set(i, Double.NaN);
            if (!Files.isRegularFile(file)) {
                canvases.get(i).clear();
                setText(names.get(i), name + " (no grid at epoch " + epoch + ")");
            } else if (i > 0 && difference.getSelection()) {
                showDifference(i, reference, file, name);
            } else {
                canvases.get(i).show(file);
                setText(names.get(i), name);
            }
        }
    }

    /** |grid - reference| per pixel and channel, as a new image, with its mean (0 to 1) under the run's name. */
    private void showDifference(int index, Path reference, Path file, String name) {
        try {
            ImageData base = new ImageData(reference.toString());
            ImageData other = new ImageData(file.toString());
            if (base.width != other.width || base.height != other.height) {
                canvases.get(index).show(file);
                setText(names.get(index), name + " (grid of another size: no difference)");
                return;
            }
            ImageData result = new ImageData(base.width, base.height, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
            double sum = 0;
            for (int y = 0; y < base.height; y++) {
                for (int x = 0; x < base.width; x++) {
                    RGB a = base.palette.getRGB(base.getPixel(x, y));
                    RGB b = other.palette.getRGB(other.getPixel(x, y));
                    int red = Math.abs(a.red - b.red);
                    int green = Math.abs(a.green - b.green);
                    int blue = Math.abs(a.blue - b.blue);
                    sum += (red + green + blue) / (3 * 255.0);
                    result.setPixel(x, y, result.palette.getPixel(new RGB(red, green, blue)));
                }
            }
            double mean = sum / ((double) base.width * base.height);
            differences.set(index, mean);
            canvases.get(index).show(result, "difference " + reference + " " + file + " " + Files.getLastModifiedTime(file));
            setText(names.get(index), String.format(Locale.ROOT, "%s: mean |difference| %.4f", name, mean));
        } catch (SWTException | IOException e) {
            // a grid being written: the next refresh reads it
        }
    }

    private static void setText(Label label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
            label.getParent().layout(new org.eclipse.swt.widgets.Control[] {label});
        }
    }

    /**
     * Moves the epoch slider as a user would (for tests).
     *
     * @param index the epoch's position among the epochs with grids
     * @return the caption then shown, e.g. {@code epoch 1 of 2}
     */
    public String showEpoch(int index) {
        slider.setSelection(index);
        slider.notifyListeners(SWT.Selection, new Event());
        return caption.getText();
    }

    /**
     * Ticks or clears Difference from the first run, as a user would (for tests).
     *
     * @param on whether to show differences
     */
    public void showDifferences(boolean on) {
        difference.setSelection(on);
        difference.notifyListeners(SWT.Selection, new Event());
    }

    /** @return the epochs with grids (for tests) */
    public List<Integer> epochs() {
        return epochs;
    }

    /** @return per run, the mean |difference| from the first run's grid shown, or NaN (for tests) */
    public List<Double> differences() {
        return List.copyOf(differences);
    }

    /** @return per run, whether a grid is shown (for tests) */
    public List<Boolean> gridsShown() {
        return canvases.stream().map(ImageCanvas::showsImage).toList();
    }

    @Override
    public void setFocus() {
        slider.setFocus();
    }
}
