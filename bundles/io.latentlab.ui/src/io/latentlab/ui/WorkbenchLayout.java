package io.latentlab.ui;

/** Ids of the default perspective and of its stacks, where views contributed later are placed. */
public final class WorkbenchLayout {

    /** The perspective a new workbench window opens with. */
    public static final String PERSPECTIVE_ID = "io.latentlab.ui.perspective";

    /** Left stack: experiments and runs in the workspace. */
    public static final String EXPLORER_STACK = "io.latentlab.ui.stack.explorer";

    /** Right stack: run dashboards, latent space, samples. */
    public static final String RESULTS_STACK = "io.latentlab.ui.stack.results";

    /** Bottom stack: runs, problems, progress, error log. */
    public static final String STATUS_STACK = "io.latentlab.ui.stack.status";

    /** Views whose id starts with this prefix open in the results stack. */
    public static final String RESULTS_VIEW_PREFIX = "io.latentlab.ui.results.";

    private WorkbenchLayout() {
    }
}
