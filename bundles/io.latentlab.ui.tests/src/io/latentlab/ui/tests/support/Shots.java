package io.latentlab.ui.tests.support;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;

/** What UI tests do as a person would: wait for what they expect to see, and look (screenshots under target/screenshots). */
public final class Shots {

    private Shots() {
    }

    /**
     * Runs the events pending now, then sleeps until the next one (at most 100 ms): one round of
     * the event loop, for a loop that watches something change until a condition ends it.
     *
     * @param display the display
     */
    public static void dispatch(Display display) {
        while (display.readAndDispatch()) {
            // run what is pending
        }
        display.timerExec(100, () -> { });
        display.sleep();
    }

    /** How long a condition may take before the test fails: generous, so that a busy machine passes. */
    public static final long TIMEOUT_MILLISECONDS = 60_000;

    /**
     * Runs the event loop until {@code condition} holds, checking it between events (and at least
     * every 20 ms); fails the test naming what it waited for when it does not hold within
     * {@link #TIMEOUT_MILLISECONDS}. Tests wait for what they need, never for a fixed time.
     *
     * @param display the display
     * @param what what is awaited, for the failure message
     * @param condition checked on the UI thread
     */
    public static void until(Display display, String what, BooleanSupplier condition) {
        until(display, what, TIMEOUT_MILLISECONDS, condition);
    }

    /**
     * As {@link #until(Display, String, BooleanSupplier)}, for what takes longer (a training in a job).
     *
     * @param display the display
     * @param what what is awaited, for the failure message
     * @param timeoutMilliseconds how long before the test fails
     * @param condition checked on the UI thread
     */
    public static void until(Display display, String what, long timeoutMilliseconds, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + timeoutMilliseconds;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("waited " + timeoutMilliseconds / 1000 + " s for " + what);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    /** What a settling UI still does: paints, layouts and the changes that cause them. */
    private static final int[] SETTLING = {SWT.Paint, SWT.Resize, SWT.Move, SWT.Show, SWT.Hide, SWT.Modify, SWT.Selection,
        SWT.SetData, SWT.Activate, SWT.Deactivate, SWT.FocusIn, SWT.FocusOut, SWT.Expand, SWT.Collapse};

    /**
     * Runs the event loop until, twice in a row 50 ms apart, no widget was painted, laid out or
     * changed and no job is running or waiting (background validation, layouts, paints and
     * asynchronous UI updates done), e.g. before a screenshot or before asserting that something
     * did not appear; fails after {@link #TIMEOUT_MILLISECONDS}. Native events that touch no widget
     * (GTK's own housekeeping, about ten a second under Xvfb) do not count: counting them made the
     * wait depend on their phase. Not while a training job runs: wait for a condition then.
     *
     * @param display the display
     */
    public static void idle(Display display) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLISECONDS;
        int[] settling = {0};
        Listener counter = event -> settling[0]++;
        for (int type : SETTLING) {
            display.addFilter(type, counter);
        }
        try {
            int quiet = 0;
            while (quiet < 2) {
                while (display.readAndDispatch()) {
                    failAfter(deadline, "events kept coming");
                }
                List<String> busy = busyJobs();
                failAfter(deadline, busy.isEmpty() ? "widgets kept changing (" + settling[0] + " paints or changes in the"
                        + " last 50 ms)" : "jobs still running: " + busy);
                quiet = settling[0] == 0 && busy.isEmpty() ? quiet + 1 : 0;
                settling[0] = 0;
                try {
                    Thread.sleep(50); // not a timer of our own: its firing would be an event
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for the UI", e);
                }
            }
        } finally {
            for (int type : SETTLING) {
                display.removeFilter(type, counter);
            }
        }
    }

    private static void failAfter(long deadline, String why) {
        if (System.currentTimeMillis() > deadline) {
            throw new AssertionError("the UI did not become idle in " + TIMEOUT_MILLISECONDS / 1000 + " s: " + why);
        }
    }

    /** The jobs a user would see in the Progress view that run or wait to run (system jobs come and go on their own). */
    private static List<String> busyJobs() {
        return Arrays.stream(Job.getJobManager().find(null))
                .filter(job -> !job.isSystem() && (job.getState() == Job.RUNNING || job.getState() == Job.WAITING))
                .map(Job::getName).toList();
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
