package io.latentlab.ui.runs.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.widgets.Composite;

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
        this.folder = run.resolve("samples");
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(parent);
        epochs = new EpochSlider(parent, "sample grid", epoch -> canvas().show(
                folder.resolve(String.format(Locale.ROOT, "epoch-%03d.png", epoch))));
        canvas = new ImageCanvas(parent);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(canvas);
        refresh();
    }

    private ImageCanvas canvas() {
        return canvas;
    }

    /** Lists the grids again; shows the newest if the slider was at the end. */
    void refresh() {
        List<Integer> found;
        try (Stream<Path> files = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
            found = files.map(p -> p.getFileName().toString()).filter(name -> name.matches("epoch-\\d+\\.png"))
                    .map(name -> Integer.parseInt(name.substring("epoch-".length(), name.length() - ".png".length())))
                    .sorted().toList();
        } catch (IOException e) {
            return;
        }
        epochs.setEpochs(found, "No sample grid yet");
    }

    /** @return the epoch slider (for tests) */
    EpochSlider epochs() {
        return epochs;
    }
}
