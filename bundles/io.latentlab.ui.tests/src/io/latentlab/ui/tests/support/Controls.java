package io.latentlab.ui.tests.support;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/** Finding controls in a dialog or view as a person scans it: every control of a kind, in order. */
public final class Controls {

    private Controls() {
    }

    /**
     * @param parent where to look (a shell, a view's composite)
     * @param type the kind of control
     * @param <T> that kind
     * @return every control of that kind under {@code parent}, depth first
     */
    public static <T extends Control> List<T> all(Composite parent, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Control child : parent.getChildren()) {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
            if (child instanceof Composite composite) {
                found.addAll(all(composite, type));
            }
        }
        return found;
    }
}
