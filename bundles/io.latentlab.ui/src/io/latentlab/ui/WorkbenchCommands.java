package io.latentlab.ui;

/**
 * Commands this bundle declares so that views and editors of different bundles can offer them
 * without knowing each other: the bundle that can do the work contributes the handler.
 */
public final class WorkbenchCommands {

    /** Train the experiment in the active editor (saved first) or the selected experiment file. */
    public static final String RUN_EXPERIMENT = "io.latentlab.ui.runExperiment";

    /** Choose a run folder and open it in its run editor. */
    public static final String OPEN_RUN = "io.latentlab.ui.openRun";

    /** Choose a plugin bundle jar and install it. */
    public static final String INSTALL_PLUGIN = "io.latentlab.ui.installPlugin";

    private WorkbenchCommands() {
    }
}
