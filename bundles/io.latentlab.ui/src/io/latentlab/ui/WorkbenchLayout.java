package io.latentlab.ui;

/**
 * Ids of the default perspective and of its stacks, where the views other bundles contribute
 * are placed (their perspective extensions name a stack), and of the category and preference
 * page those views and pages go under.
 */
public final class WorkbenchLayout {

    /** The perspective a new workbench window opens with. */
    public static final String PERSPECTIVE_ID = "io.latentlab.ui.perspective";

    /** Left stack: experiments and runs in the workspace. */
    public static final String EXPLORER_STACK = "io.latentlab.ui.stack.explorer";

    /** Right stack: run dashboards, latent space, samples. */
    public static final String RESULTS_STACK = "io.latentlab.ui.stack.results";

    /** Bottom stack: runs, problems, progress, error log. */
    public static final String STATUS_STACK = "io.latentlab.ui.stack.status";

    /** The category of every Latentlab view in Window > Show View. */
    public static final String VIEW_CATEGORY = "io.latentlab.ui.category";

    /** The Latentlab preference page, parent of each bundle's pages. */
    public static final String PREFERENCES = "io.latentlab.ui.preferences";

    private WorkbenchLayout() {
    }
}
