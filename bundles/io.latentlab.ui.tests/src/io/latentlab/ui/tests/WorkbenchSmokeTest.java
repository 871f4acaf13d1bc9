package io.latentlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.junit.jupiter.api.Test;

import io.latentlab.ui.WorkbenchLayout;
import io.latentlab.ui.internal.VersionsPage;
import io.latentlab.ui.tests.support.ModalDialog;
import io.latentlab.ui.tests.support.Shots;

/** The product starts to its main window, as a user sees it, and the About dialog opens. */
class WorkbenchSmokeTest {

    @Test
    void mainWindowHasTitleMenusAndDefaultPerspective() {
        Display display = Display.getCurrent();
        assertNotNull(display, "tests must run on the UI thread");
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "no workbench window opened");
        Shell shell = window.getShell();
        Shots.idle(display);

        assertEquals("Latentlab", shell.getText());
        List<String> menus = Arrays.stream(shell.getMenuBar().getItems()).map(MenuItem::getText)
                .map(text -> text.replace("&", "")).toList();
        assertEquals(List.of("File", "Edit", "Run", "Window", "Help"), menus);

        IWorkbenchPage page = window.getActivePage();
        assertEquals(WorkbenchLayout.PERSPECTIVE_ID, page.getPerspective().getId());
        assertNotNull(page.findView(IPageLayout.ID_PROJECT_EXPLORER), "explorer is not shown");
        assertNotNull(page.findView(IPageLayout.ID_PROBLEM_VIEW), "Problems view is not shown");

        File shot = Shots.take(display, shell.getBounds(), "workbench.png");
        assertTrue(shot.length() > 10_000, "screenshot looks empty: " + shot.length() + " bytes");
    }

    @Test
    void helpAboutOpensAnAboutDialogNamingTheProduct() {
        Display display = Display.getCurrent();
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        String aboutTitle = ModalDialog.inspect(display, () -> ActionFactory.ABOUT.create(window).run(), about -> {
            Shots.take(display, about.getBounds(), "about.png");
            return about.getText();
        });
        assertEquals("About Latentlab", aboutTitle);
        List<String> versions = VersionsPage.lines();
        assertTrue(versions.get(0).startsWith("Latentlab       0.1.0"), versions.toString());
        assertTrue(versions.stream().anyMatch(line -> line.startsWith("Java            " + System.getProperty("java.version"))));
        assertTrue(versions.stream().anyMatch(line -> line.startsWith("ND4J            1.0.0") && line.contains("CpuBackend")),
                versions.toString());
    }
}
