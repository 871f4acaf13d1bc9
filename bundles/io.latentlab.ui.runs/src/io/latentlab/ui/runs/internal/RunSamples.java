package io.latentlab.ui.runs.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;


/**
 * The run editor's Samples page: the grid the runner wrote at any epoch
 * ({@code samples/epoch-NNN.png}), chosen with a slider over the epochs; it follows the newest
 * grid while the run trains, until the slider is moved back.
 */
final class RunSamples {

    private final Path folder;
    private final Scale slider;
    private final Label caption;
    private final ImageCanvas canvas;
    private List<Path> grids = List.of();
    private boolean followNewest = true;

    /**
     * @param parent the page to fill
     * @param run the run directory
     */
    RunSamples(Composite parent, Path run) {
        this.folder = run.resolve("samples");
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(parent);
        caption = new Label(parent, SWT.NONE);
        GridDataFactory.swtDefaults().hint(260, SWT.DEFAULT).applyTo(caption);
        slider = new Scale(parent, SWT.HORIZONTAL);
        slider.setMinimum(0);
        slider.setMaximum(1);
        slider.setPageIncrement(1);
        slider.setToolTipText("the epoch whose sample grid to show");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(slider);
        slider.addListener(SWT.Selection, event -> {
            followNewest = slider.getSelection() == grids.size() - 1;
            show();
        });
        canvas = new ImageCanvas(parent);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(canvas);
        refresh();
    }

    /** Lists the grids again; shows the newest if the slider was at the end. */
    void refresh() {
        List<Path> found;
        try (Stream<Path> files = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
            found = files.filter(p -> p.getFileName().toString().matches("epoch-\\d+\\.png")).sorted().toList();
        } catch (IOException e) {
            return;
        }
        if (found.equals(grids)) {
            show(); // a grid that was being written is read now
            return;
        }
        grids = found;
        slider.setMaximum(Math.max(1, grids.size() - 1));
        slider.setEnabled(grids.size() > 1);
        if (followNewest) {
            slider.setSelection(Math.max(0, grids.size() - 1));
        }
        show();
    }

    private void show() {
        if (grids.isEmpty()) {
            setCaption("No sample grid yet");
            return;
        }
        Path file = grids.get(Math.min(slider.getSelection(), grids.size() - 1));
        setCaption("epoch " + epochOf(file) + " of " + epochOf(grids.get(grids.size() - 1)));
        canvas.show(file); // a grid being written is read at the next refresh
    }

    private void setCaption(String text) {
        if (!text.equals(caption.getText())) {
            caption.setText(text);
        }
    }

    /** epoch-007.png: 7 */
    private static int epochOf(Path grid) {
        String name = grid.getFileName().toString();
        return Integer.parseInt(name.substring("epoch-".length(), name.length() - ".png".length()));
    }

    /**
     * Moves the slider as a user would (for tests).
     *
     * @param index the grid's position, 0 for the first epoch's
     */
    void select(int index) {
        slider.setSelection(index);
        slider.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    /** @return the caption, e.g. {@code epoch 1 of 3} (for tests) */
    String caption() {
        return caption.getText();
    }

    /** @return how many grids there are (for tests) */
    int grids() {
        return grids.size();
    }
}
