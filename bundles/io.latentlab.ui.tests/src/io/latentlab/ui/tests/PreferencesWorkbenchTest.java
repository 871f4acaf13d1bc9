package io.latentlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.Test;

import io.latentlab.nd4j.Nd4jRuntime;
import io.latentlab.ui.WorkbenchLayout;
import io.latentlab.ui.internal.BackendPreferencePage;
import io.latentlab.ui.internal.NativeBuildPreference;
import io.latentlab.ui.tests.support.Controls;
import io.latentlab.ui.tests.support.ModalDialog;
import io.latentlab.ui.tests.support.Shots;

/** Preferences > Latentlab > Backend: the native ND4J build. */
class PreferencesWorkbenchTest {

    /** Preferences > Latentlab > Backend: the chosen native build is what loads next; the command line wins. */
    @Test
    void theNativeBuildPreferenceSetsThePropertyUnlessTheCommandLineDid() {
        String property = Nd4jRuntime.NATIVE_BUILD_PROPERTY;
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
            String page = ModalDialog.inspect(display, () -> PreferencesUtil.createPreferenceDialogOn(window.getShell(),
                    BackendPreferencePage.ID, null, null).open(), dialog -> {
                        Shots.take(display, dialog.getBounds(), "preferences-backend.png");
                        return String.join(" ", Controls.all(dialog, Label.class).stream().map(Label::getText).toList());
                    });
            assertTrue(page.contains("Native build") || page.contains("Running now"), page);
        } finally {
            System.clearProperty("latentlab.nativeBuildFromPreference");
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }

    /** Preferences > Latentlab links to every Latentlab page, whichever bundle contributes it. */
    @Test
    void theLatentlabPageLinksToEachPageBelowIt() {
        Display display = Display.getCurrent();
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        List<String> links = ModalDialog.inspect(display, () -> PreferencesUtil.createPreferenceDialogOn(window.getShell(),
                WorkbenchLayout.PREFERENCES, null, null).open(), dialog -> {
                    Shots.take(display, dialog.getBounds(), "preferences-latentlab.png");
                    return Controls.all(dialog, Link.class).stream().map(Link::getText).toList();
                });
        assertTrue(links.containsAll(List.of("<a>Appearance</a>", "<a>Backend</a>", "<a>Runs</a>")), links.toString());
    }
}
