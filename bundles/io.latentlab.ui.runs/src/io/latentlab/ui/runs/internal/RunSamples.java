package io.latentlab.ui.runs.internal;

import java.nio.file.Path;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.widgets.Composite;

import io.latentlab.runs.RunFolders;

/**
 * The run editor's Samples page: the grid the runner wrote at any epoch
 * ({@code samples/epoch-NNN.png}), chosen with a slider over the epochs.
 */
final class RunSamples {

    private final Path folder;
    private final EpochSlider epochs;
    private final ImageCanvas canvas;

    /**
     * @param parent the page to fill
     * @param run the run directory
     */
    RunSamples(Composite parent, Path run) {
        this.folder = run.resolve(RunFolders.SAMPLES);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(parent);
        epochs = new EpochSlider(parent, "sample grid", epoch -> canvas().show(RunFolders.epochFile(folder, epoch, "png")));
        canvas = new ImageCanvas(parent);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(canvas);
        refresh();
    }

    private ImageCanvas canvas() {
        return canvas;
    }

    /** Lists the grids again; shows the newest if the slider was at the end. */
    void refresh() {
        epochs.setEpochs(RunFolders.epochs(folder, "png"), "No sample grid yet");
    }

    /** @return the epoch slider (for tests) */
    EpochSlider epochs() {
        return epochs;
    }
}
