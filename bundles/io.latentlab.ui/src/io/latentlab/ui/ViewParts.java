package io.latentlab.ui;

import java.util.function.Function;
import java.util.function.IntSupplier;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;

/** Small pieces the workbench's views share: table columns, toolbar actions, periodic refresh. */
public final class ViewParts {

    private ViewParts() {
    }

    /**
     * Adds a text column to a table of rows of type {@code T}.
     *
     * @param viewer the table
     * @param title the column header
     * @param width its width in pixels
     * @param text the cell text of a row
     * @param <T> the row type
     */
    public static <T> void column(TableViewer viewer, String title, int width, Function<T, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public String getText(Object element) {
                return text.apply((T) element);
            }
        });
    }

    /**
     * @param text the label
     * @param tooltip what it does
     * @param body what runs
     * @return a toolbar or menu action
     */
    public static Action action(String text, String tooltip, Runnable body) {
        Action action = new Action(text) {
            @Override
            public void run() {
                body.run();
            }
        };
        action.setToolTipText(tooltip);
        return action;
    }

    /**
     * Runs {@code refresh} on the UI thread every interval while the control lives (polling
     * files and services is cheap, and keeps the UI thread free between refreshes).
     *
     * @param control the view's control
     * @param milliseconds the interval, read before each wait (a preference may change it)
     * @param refresh what to do
     */
    public static void every(Control control, IntSupplier milliseconds, Runnable refresh) {
        control.getDisplay().timerExec(milliseconds.getAsInt(), () -> {
            if (!control.isDisposed()) {
                refresh.run();
                every(control, milliseconds, refresh);
            }
        });
    }
}
