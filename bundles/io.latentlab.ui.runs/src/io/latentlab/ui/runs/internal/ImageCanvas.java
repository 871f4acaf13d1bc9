package io.latentlab.ui.runs.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * A canvas showing one image scaled to fit, without smoothing (sample grids are pixels), centred
 * horizontally; it owns the image and disposes it with itself or when replaced.
 */
final class ImageCanvas extends Canvas {

    /**
     * A text drawn on the image.
     *
     * @param x its left edge in the image's pixels
     * @param y its top edge
     * @param text the text
     */
    record Caption(int x, int y, String text) {
    }

    private Image image;
    private Object shown;
    private List<Caption> captions = List.of();

    /** @param parent where it goes */
    ImageCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        addPaintListener(event -> {
            if (image != null) {
                Rectangle bounds = image.getBounds();
                Rectangle area = getClientArea();
                double scale = Math.min((double) area.width / bounds.width, (double) area.height / bounds.height);
                int width = (int) (bounds.width * scale);
                int height = (int) (bounds.height * scale);
                if (width > 0 && height > 0) {
                    event.gc.setInterpolation(SWT.NONE);
                    event.gc.drawImage(image, 0, 0, bounds.width, bounds.height, (area.width - width) / 2, 0, width, height);
                    event.gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
                    event.gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
                    for (Caption caption : captions) {
                        event.gc.drawText(caption.text(), (area.width - width) / 2 + (int) (caption.x() * scale) + 1,
                                (int) (caption.y() * scale) + 1, false);
                    }
                }
            }
        });
        addDisposeListener(event -> clear());
    }

    /**
     * Shows an image file; nothing changes if it is the one shown and was not rewritten since.
     *
     * @param file a PNG
     * @return {@code false} if it could not be read (being written: try again later)
     */
    boolean show(Path file) {
        try {
            String key = file + "@" + Files.getLastModifiedTime(file).toMillis();
            if (!key.equals(shown)) {
                replace(new Image(getDisplay(), file.toString()), key);
            }
            return true;
        } catch (IOException | SWTException e) {
            return false;
        }
    }

    /**
     * Draws these texts on the image shown until it is replaced.
     *
     * @param placed the texts, placed in the image's pixels
     */
    void setCaptions(List<Caption> placed) {
        if (!placed.equals(captions)) {
            captions = List.copyOf(placed);
            redraw();
        }
    }

    /** @return the texts drawn on the image */
    List<Caption> captions() {
        return captions;
    }

    /** @return whether an image is shown */
    boolean showsImage() {
        return image != null;
    }

    /**
     * Shows pixels computed elsewhere (a difference of two grids).
     *
     * @param data the pixels
     * @param key identifies them: the same key shows nothing new
     */
    void show(ImageData data, Object key) {
        if (!key.equals(shown)) {
            replace(new Image(getDisplay(), data), key);
        }
    }

    /** Shows nothing. */
    void clear() {
        if (image != null) {
            image.dispose();
            image = null;
        }
        shown = null;
        captions = List.of();
        if (!isDisposed()) {
            redraw();
        }
    }

    private void replace(Image next, Object key) {
        if (image != null) {
            image.dispose();
        }
        captions = List.of();
        image = next;
        shown = key;
        redraw();
    }
}
