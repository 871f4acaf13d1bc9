package io.latentlab.ui.runs;

import java.nio.file.Path;

import org.eclipse.swt.widgets.Composite;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A page of the run editor contributed by another bundle, as an OSGi service: e.g. the latent
 * space of runs whose model has codes. The run editor asks every registered page whether it
 * applies to the run it opens, and adds those that do after its own pages, in title order.
 * (A model's figures need no UI code: see {@code io.latentlab.core.model.Figure}.)
 */
@ConsumerType
public interface RunEditorPage {

    /** @return the page's tab title, short, e.g. {@code Latent} */
    String title();

    /**
     * Called on the UI thread when a run editor opens: read the run's files, do not load the model.
     *
     * @param run the run directory
     * @return whether the page has something to show for it
     */
    boolean appliesTo(Path run);

    /**
     * Fills the page; the content is disposed with the editor.
     *
     * @param parent the page, a composite without a layout
     * @param run the run directory
     * @return what to do while the page is shown, every refresh period (e.g. read what training wrote
     *         since); may do nothing
     */
    Runnable create(Composite parent, Path run);
}
