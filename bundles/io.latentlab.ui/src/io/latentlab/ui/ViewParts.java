package io.latentlab.ui;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntSupplier;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

/** Small pieces the workbench's views share: sortable table columns, a filter field, toolbar actions, periodic refresh. */
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
        sortableColumn(viewer, title, width, text, null);
    }

    /**
     * Adds a text column that sorts the table by {@code key} when its header is clicked (again:
     * the other way round).
     *
     * @param viewer the table
     * @param title the column header
     * @param width its width in pixels
     * @param text the cell text of a row
     * @param key the order of rows, or null to sort by the text
     * @param <T> the row type
     */
    @SuppressWarnings("unchecked")
    public static <T> void sortableColumn(TableViewer viewer, String title, int width, Function<T, String> text,
            Comparator<T> key) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        Comparator<T> order = key != null ? key : Comparator.comparing(text, String.CASE_INSENSITIVE_ORDER);
        column.getColumn().addListener(SWT.Selection, event -> {
            Table table = viewer.getTable();
            boolean up = table.getSortColumn() != column.getColumn() || table.getSortDirection() == SWT.DOWN;
            table.setSortColumn(column.getColumn());
            table.setSortDirection(up ? SWT.UP : SWT.DOWN);
            Comparator<T> directed = up ? order : order.reversed();
            viewer.setComparator(new ViewerComparator() {
                @Override
                public int compare(Viewer v, Object a, Object b) {
                    return directed.compare((T) a, (T) b);
                }
            });
        });
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
     * A search field above a table: shows only the rows where some column's text contains what is
     * typed (case-insensitive).
     *
     * @param parent the composite that holds the table (one column of controls)
     * @param viewer the table
     * @return the field
     */
    public static Text filterField(Composite parent, TableViewer viewer) {
        Text field = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        field.setMessage("Filter (any column)");
        field.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        viewer.addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer v, Object parentElement, Object element) {
                String query = field.isDisposed() ? "" : field.getText().strip().toLowerCase(Locale.ROOT);
                if (query.isEmpty()) {
                    return true;
                }
                for (int i = 0; i < viewer.getTable().getColumnCount(); i++) {
                    if (viewer.getLabelProvider(i) instanceof ColumnLabelProvider labels) {
                        String cell = labels.getText(element);
                        if (cell != null && cell.toLowerCase(Locale.ROOT).contains(query)) {
                            return true;
                        }
                    }
                }
                return false;
            }
        });
        field.addModifyListener(event -> viewer.refresh());
        return field;
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
