package io.latentlab.ui.internal;

import java.util.List;

import org.eclipse.e4.ui.css.swt.theme.ITheme;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.PlatformUI;

/**
 * Preferences > Latentlab > Appearance: the workbench theme (light or dark, from the installed
 * CSS themes), applied at once and kept for the next start; as in the Eclipse IDE, some colours
 * change fully only after a restart, which it offers.
 */
public final class AppearancePreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    /** The page id (plugin.xml). */
    public static final String ID = "io.latentlab.ui.appearance";

    private IThemeEngine engine;
    private List<ITheme> themes = List.of();
    private Combo chooser;

    @Override
    public void init(IWorkbench workbench) {
        engine = workbench.getService(IThemeEngine.class);
        noDefaultAndApplyButton();
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        Label label = new Label(page, SWT.NONE);
        label.setText("Theme:");
        chooser = new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN);
        chooser.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        if (engine == null) {
            chooser.setEnabled(false);
            setMessage("No theme engine is running: themes cannot be changed here.", WARNING);
            return page;
        }
        themes = engine.getThemes();
        for (ITheme theme : themes) {
            chooser.add(theme.getLabel());
        }
        ITheme active = engine.getActiveTheme();
        chooser.select(active == null ? 0 : Math.max(0, themes.indexOf(active)));
        return page;
    }

    @Override
    public boolean performOk() {
        if (engine != null && chooser.getSelectionIndex() >= 0) {
            String chosen = themes.get(chooser.getSelectionIndex()).getId();
            if (!chosen.equals(activeTheme()) && apply(chosen) && MessageDialog.openQuestion(getShell(), "Theme",
                    "The theme is applied and kept. Some colours change fully only after a restart. Restart now?")) {
                getShell().getDisplay().asyncExec(() -> PlatformUI.getWorkbench().restart());
            }
        }
        return true;
    }

    /**
     * @param id a theme id, e.g. {@code org.eclipse.e4.ui.css.theme.e4_dark}
     * @return whether the theme is installed (and now applied and kept)
     */
    public static boolean apply(String id) {
        IThemeEngine engine = PlatformUI.getWorkbench().getService(IThemeEngine.class);
        if (engine == null || engine.getThemes().stream().noneMatch(t -> t.getId().equals(id))) {
            return false;
        }
        engine.setTheme(id, true);
        return true;
    }

    /** @return the active theme's id, or empty when no theme engine runs */
    public static String activeTheme() {
        IThemeEngine engine = PlatformUI.getWorkbench().getService(IThemeEngine.class);
        return engine == null || engine.getActiveTheme() == null ? "" : engine.getActiveTheme().getId();
    }
}
