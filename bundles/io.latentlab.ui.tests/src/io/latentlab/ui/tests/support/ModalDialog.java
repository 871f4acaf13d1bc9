package io.latentlab.ui.tests.support;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * A modal dialog a test opens, looked at and closed once it shows — however long it takes to
 * show on a busy machine, and even when looking at it fails. A dialog that does not show within
 * the time given fails the test; one that shows is always closed, so the run never hangs.
 * <pre>{@code
 * String title = ModalDialog.inspect(display, () -> dialog.open(), shell -> shell.getText());
 * }</pre>
 *
 * @param <T> what is learnt from the dialog
 */
public final class ModalDialog<T> implements Runnable {

    /** How long a dialog may take to show (a cold start of the preference dialog on 2 busy cores). */
    public static final long SHOW_TIMEOUT_MILLISECONDS = 60_000;
    private static final int POLL_MILLISECONDS = 50;

    private final Display display;
    private final Function<Shell, T> look;
    private final List<Shell> before;
    private final long deadline;
    private T seen;
    private Throwable failure;

    private ModalDialog(Display display, Function<Shell, T> look) {
        this.display = display;
        this.look = look;
        this.before = Arrays.asList(display.getShells());
        this.deadline = System.currentTimeMillis() + SHOW_TIMEOUT_MILLISECONDS;
    }

    /**
     * @param display the UI thread's display
     * @param open opens the dialog; returns when it closes (its own event loop runs meanwhile)
     * @param look what to learn from the dialog once it shows (screenshots included)
     * @param <T> what is learnt
     * @return what {@code look} returned
     * @throws AssertionError if no dialog showed in time, or {@code look} failed (the dialog is closed either way)
     */
    public static <T> T inspect(Display display, Runnable open, Function<Shell, T> look) {
        ModalDialog<T> watcher = new ModalDialog<>(display, look);
        display.timerExec(POLL_MILLISECONDS, watcher);
        try {
            open.run();
        } finally {
            display.timerExec(-1, watcher);
        }
        if (watcher.failure instanceof AssertionError error) {
            throw error;
        }
        if (watcher.failure != null) {
            throw new AssertionError("looking at the dialog failed", watcher.failure);
        }
        return watcher.seen;
    }

    /** Looks for the dialog: acts on it once it shows, else looks again shortly. */
    @Override
    public void run() {
        Shell dialog = Arrays.stream(display.getShells())
                .filter(shell -> !before.contains(shell) && !shell.isDisposed() && shell.isVisible()).findFirst().orElse(null);
        if (dialog == null) {
            if (failure == null && System.currentTimeMillis() > deadline) {
                failure = new AssertionError("no dialog showed within " + SHOW_TIMEOUT_MILLISECONDS + " ms");
            }
            display.timerExec(POLL_MILLISECONDS, this); // one that shows late is still closed
            return;
        }
        if (failure != null) {
            dialog.close();
            return;
        }
        try {
            while (display.readAndDispatch()) {
                // the events already queued (layout, paint), so that a screenshot shows the laid-out dialog
            }
            seen = look.apply(dialog);
        } catch (Throwable e) {
            failure = e;
        } finally {
            if (!dialog.isDisposed()) {
                dialog.close();
            }
        }
    }
}
