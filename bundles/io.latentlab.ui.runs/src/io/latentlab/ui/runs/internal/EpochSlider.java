package io.latentlab.ui.runs.internal;

import java.util.List;
import java.util.function.IntConsumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;

/**
 * A caption and a slider over the epochs at which something was drawn (sample grids, a model's
 * figures); it follows the newest epoch while a run trains, until it is moved back. Takes one row
 * of a two-column grid.
 */
final class EpochSlider {

    private final Label caption;
    private final Scale slider;
    private final IntConsumer show;
    private List<Integer> epochs = List.of();
    private boolean followNewest = true;

    /**
     * @param parent a composite with a two-column grid layout
     * @param what what the slider chooses, for its tooltip, e.g. {@code sample grid}
     * @param show shows an epoch's drawing, when it is chosen or the list changes
     */
    EpochSlider(Composite parent, String what, IntConsumer show) {
        this.show = show;
        caption = new Label(parent, SWT.NONE);
        GridDataFactory.swtDefaults().hint(260, SWT.DEFAULT).applyTo(caption);
        slider = new Scale(parent, SWT.HORIZONTAL);
        slider.setMinimum(0);
        slider.setMaximum(1);
        slider.setPageIncrement(1);
        slider.setToolTipText("the epoch whose " + what + " to show");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(slider);
        slider.addListener(SWT.Selection, event -> {
            followNewest = slider.getSelection() == epochs.size() - 1;
            showSelected();
        });
    }

    /**
     * Offers these epochs; moves to the newest if the slider was at the end, and shows the one selected.
     *
     * @param found the epochs drawn so far, ascending
     * @param empty the caption while there are none
     */
    void setEpochs(List<Integer> found, String empty) {
        if (!found.equals(epochs)) {
            epochs = List.copyOf(found);
            slider.setMaximum(Math.max(1, epochs.size() - 1));
            slider.setEnabled(epochs.size() > 1);
            if (followNewest) {
                slider.setSelection(Math.max(0, epochs.size() - 1));
            }
        }
        if (epochs.isEmpty()) {
            setCaption(empty);
        } else {
            showSelected(); // also what was being written at the last look
        }
    }

    private void showSelected() {
        if (!epochs.isEmpty()) {
            int epoch = epochs.get(Math.min(slider.getSelection(), epochs.size() - 1));
            setCaption("epoch " + epoch + " of " + epochs.get(epochs.size() - 1));
            show.accept(epoch);
        }
    }

    private void setCaption(String text) {
        if (!text.equals(caption.getText())) {
            caption.setText(text);
        }
    }

    /**
     * Moves the slider as a user would (for tests).
     *
     * @param index the position, 0 for the first epoch
     */
    void select(int index) {
        slider.setSelection(index);
        slider.notifyListeners(SWT.Selection, new Event());
    }

    /** @return the caption, e.g. {@code epoch 1 of 3} */
    String caption() {
        return caption.getText();
    }

    /** @return how many epochs it offers */
    int count() {
        return epochs.size();
    }
}
