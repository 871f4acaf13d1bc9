package io.latentlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.Test;

import io.latentlab.ui.internal.AppearancePreferencePage;
import io.latentlab.ui.tests.support.ModalDialog;
import io.latentlab.ui.tests.support.Shots;

/**
 * Preferences > Latentlab > Appearance. Runs last (alphabetical order, see the pom): switching
 * themes at run time leaves some colours behind until a restart, as in the Eclipse IDE.
 */
class WorkbenchThemeTest {

    /** Preferences > Latentlab > Appearance: the dark theme applies at once; an unknown theme is refused. */
    @Test
    void theDarkThemeAppliesAndTheLightOneComesBack() {
        Display display = Display.getCurrent();
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        String dark = "org.eclipse.e4.ui.css.theme.e4_dark";
        String before = AppearancePreferencePage.activeTheme();
        assertTrue(!before.isEmpty(), "a theme engine runs");
        try {
            assertTrue(AppearancePreferencePage.apply(dark));
            assertEquals(dark, AppearancePreferencePage.activeTheme());
            assertTrue(!AppearancePreferencePage.apply("no.such.theme"), "an unknown theme is refused");
            Shots.idle(display);
            Shots.take(display, window.getShell().getBounds(), "theme-dark.png");

            String chosen = ModalDialog.inspect(display, () -> PreferencesUtil.createPreferenceDialogOn(window.getShell(),
                    AppearancePreferencePage.ID, null, null).open(), dialog -> {
                        Shots.take(display, dialog.getBounds(), "preferences-appearance.png");
                        return find(dialog);
                    });
            assertEquals("Dark", chosen, "the page shows the active theme");
        } finally {
            AppearancePreferencePage.apply(before);
            Shots.idle(display);
        }
        assertEquals(before, AppearancePreferencePage.activeTheme());
    }

    /** @return the text of the first read-only combo in the dialog (the theme chooser) */
    private static String find(Composite parent) {
        for (Control child : parent.getChildren()) {
            if (child instanceof Combo combo && (combo.getStyle() & SWT.READ_ONLY) != 0
                    && combo.isVisible()) {
                return combo.getText();
            }
            if (child instanceof Composite composite) {
                String found = find(composite);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
