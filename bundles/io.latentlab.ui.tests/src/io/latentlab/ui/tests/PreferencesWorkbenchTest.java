package io.latentlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latentlab.ui.internal.BackendPreferencePage;
import io.latentlab.ui.internal.NativeBuildPreference;
import io.latentlab.ui.runs.RunsUi;

/** Preferences > Latentlab sets where runs go; the command-line property still wins. */
class PreferencesWorkbenchTest {

    @Test
    void theRunsFolderPreferenceIsUsedUnlessThePropertyOverridesIt(@TempDir Path folder) {
        Display display = Display.getCurrent();
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        String property = System.clearProperty(RunsUi.RUNS_PROPERTY);
        try {
            RunsUi.preferences().setValue(RunsUi.RUNS_FOLDER_PREFERENCE, folder.toString());
            assertEquals(folder, RunsUi.runsFolder());
            System.setProperty(RunsUi.RUNS_PROPERTY, folder.resolve("other").toString());
            assertEquals(folder.resolve("other"), RunsUi.runsFolder());

            AtomicReference<String> title = new AtomicReference<>();
            display.timerExec(1500, () -> {
                Shell dialog = display.getActiveShell();
                if (dialog != null && dialog != window.getShell()) {
                    Shots.settle(display, 300);
                    title.set(dialog.getText());
                    Shots.take(display, dialog.getBounds(), "preferences.png");
                    dialog.close();
                }
            });
            PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(window.getShell(),
                    "io.latentlab.ui.runs.preferences", null, null);
            dialog.open();
            assertEquals("Preferences", title.get());
        } finally {
            RunsUi.preferences().setToDefault(RunsUi.RUNS_FOLDER_PREFERENCE);
            if (property != null) {
                System.setProperty(RunsUi.RUNS_PROPERTY, property);
            } else {
                System.clearProperty(RunsUi.RUNS_PROPERTY);
            }
        }
    }

    /** The ND4J threads preference reaches the backend when training starts; 0 leaves the start-up count. */
    @Test
    void theThreadsPreferenceSetsNd4jsThreads() {
        try {
            RunsUi.preferences().setValue(RunsUi.THREADS_PREFERENCE, 2);
            RunsUi.applyThreads();
            assertEquals(2, io.latentlab.nd4j.Nd4jRuntime.initialize().blasThreads());
            RunsUi.preferences().setValue(RunsUi.THREADS_PREFERENCE, 0);
            RunsUi.applyThreads();
            assertEquals(2, io.latentlab.nd4j.Nd4jRuntime.initialize().blasThreads(), "0 changes nothing");
        } finally {
            RunsUi.preferences().setToDefault(RunsUi.THREADS_PREFERENCE);
            io.latentlab.nd4j.Nd4jRuntime.setThreads(1); // the tests' configured count
        }
    }

    /** Preferences > Latentlab > Backend: the chosen native build is what loads next; the command line wins. */
    @Test
    void theNativeBuildPreferenceSetsThePropertyUnlessTheCommandLineDid() {
        String property = io.latentlab.nd4j.Nd4jRuntime.NATIVE_BUILD_PROPERTY;
        String before = System.getProperty(property);
        try {
            System.clearProperty(property);
            assertEquals("", NativeBuildPreference.apply(NativeBuildPreference.GENERIC));
            assertEquals("", System.getProperty(property));
            assertEquals("-onednn-avx2", NativeBuildPreference.apply(NativeBuildPreference.ONEDNN_AVX2));
            assertEquals(null, NativeBuildPreference.apply(NativeBuildPreference.AUTOMATIC));
            assertEquals(null, System.getProperty(property), "automatic: chosen from the CPU's flags at load");
            System.setProperty(property, "-custom");
            assertEquals("-custom", NativeBuildPreference.apply(NativeBuildPreference.GENERIC), "the command line wins");

            Display display = Display.getCurrent();
            IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            display.timerExec(1500, () -> {
                Shell dialog = display.getActiveShell();
                if (dialog != null && dialog != window.getShell()) {
                    Shots.take(display, dialog.getBounds(), "preferences-backend.png");
                    dialog.close();
                }
            });
            PreferencesUtil.createPreferenceDialogOn(window.getShell(), BackendPreferencePage.ID, null, null).open();
        } finally {
            System.clearProperty("latentlab.nativeBuildFromPreference");
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }
}
