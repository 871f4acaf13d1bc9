package io.latentlab.ui.runs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.nd4j.Nd4jRuntime;
import io.latentlab.ui.runs.RunsPreferences;
import io.latentlab.ui.tests.support.Controls;
import io.latentlab.ui.tests.support.ModalDialog;
import io.latentlab.ui.tests.support.Shots;

/** Preferences > Latentlab > Runs sets where runs go and ND4J's threads; the command-line property still wins. */
class RunsPreferencesTest {

    private static final String RUNS_PAGE = "io.latentlab.ui.runs.preferences";

    @Test
    void theRunsFolderPreferenceIsUsedUnlessThePropertyOverridesIt(@TempDir Path folder) {
        Display display = Display.getCurrent();
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        String property = System.clearProperty(RunsPreferences.RUNS_PROPERTY);
        try {
            RunsPreferences.instance().put(RunsPreferences.RUNS_FOLDER, folder.toString());
            assertEquals(folder, RunsPreferences.runsFolder());
            System.setProperty(RunsPreferences.RUNS_PROPERTY, folder.resolve("other").toString());
            assertEquals(folder.resolve("other"), RunsPreferences.runsFolder());

            List<String> pages = new java.util.ArrayList<>();
            List<String> fields = ModalDialog.inspect(display, () -> PreferencesUtil.createPreferenceDialogOn(
                    window.getShell(), RUNS_PAGE, null, null).open(), dialog -> {
                        Shots.take(display, dialog.getBounds(), "preferences-runs.png");
                        for (org.eclipse.swt.widgets.Tree tree : Controls.all(dialog, org.eclipse.swt.widgets.Tree.class)) {
                            for (org.eclipse.swt.widgets.TreeItem item : tree.getItems()) {
                                pages.add(item.getText());
                            }
                        }
                        return Controls.all(dialog, Text.class).stream().map(Text::getText).toList();
                    });
            assertTrue(fields.contains(folder.toString()), "the page shows the chosen runs folder: " + fields);
            // only pages that mean something to a Latentlab user: no version control (Team) page
            assertEquals(List.of("General", "Latentlab"), pages);
        } finally {
            RunsPreferences.instance().remove(RunsPreferences.RUNS_FOLDER);
            if (property != null) {
                System.setProperty(RunsPreferences.RUNS_PROPERTY, property);
            } else {
                System.clearProperty(RunsPreferences.RUNS_PROPERTY);
            }
        }
    }

    /** The ND4J threads preference reaches the backend when training starts; 0 leaves the start-up count. */
    @Test
    void theThreadsPreferenceSetsNd4jsThreads() {
        try {
            RunsPreferences.instance().putInt(RunsPreferences.THREADS, 2);
            RunsPreferences.applyThreads();
            assertEquals(2, Nd4jRuntime.initialize().blasThreads());
            RunsPreferences.instance().putInt(RunsPreferences.THREADS, 0);
            RunsPreferences.applyThreads();
            assertEquals(2, Nd4jRuntime.initialize().blasThreads(), "0 changes nothing");
        } finally {
            RunsPreferences.instance().remove(RunsPreferences.THREADS);
            Nd4jRuntime.setThreads(1); // the tests' configured count
        }
    }
}
