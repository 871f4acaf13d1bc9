package io.latentlab.ui;

/**
 * Commands this bundle declares so that views and editors of different bundles can offer them
 * without knowing each other: the bundle that can do the work contributes the handler.
 */
public final class WorkbenchCommands {

    /** Train the experiment in the active editor (saved first) or the selected experiment file. */
    public static final String RUN_EXPERIMENT = "io.latentlab.ui.runExperiment";

    private WorkbenchCommands() {
    }
}
