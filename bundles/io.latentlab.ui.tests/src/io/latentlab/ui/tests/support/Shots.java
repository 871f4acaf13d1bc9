package io.latentlab.ui.tests.support;

import java.io.File;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;

/** What UI tests do as a person would: let the UI settle, and look (screenshots under target/screenshots). */
public final class Shots {

    private Shots() {
    }

    /** Runs the event loop for a while, so that layouts, timers and repaints happen. */
    public static void settle(Display display, long milliseconds) {
        long until = System.currentTimeMillis() + milliseconds;
        while (System.currentTimeMillis() < until) {
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    /** Saves what is on screen in {@code area} as a PNG. */
    /** @return the folder screenshots (and other exported images) go to, created */
    public static Path folder() {
        File directory = new File(System.getProperty("latentlab.screenshots", "target/screenshots"));
        directory.mkdirs();
        return directory.toPath();
    }

    public static File take(Display display, Rectangle area, String name) {
        File directory = folder().toFile();
        directory.mkdirs();
        File file = new File(directory, name);
        Image image = new Image(display, area.width, area.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, area.x, area.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(file.getPath(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
        return file;
    }
}
