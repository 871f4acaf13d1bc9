package io.latentlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
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

/** The product starts to its main window, as a user sees it, and the About dialog opens. */
class WorkbenchSmokeTest {

    @Test
    void mainWindowHasTitleMenusAndDefaultPerspective() {
        Display display = Display.getCurrent();
        assertNotNull(display, "tests must run on the UI thread");
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "no workbench window opened");
        Shell shell = window.getShell();
        settle(display);

        assertEquals("Latentlab", shell.getText());
        List<String> menus = Arrays.stream(shell.getMenuBar().getItems()).map(MenuItem::getText)
                .map(text -> text.replace("&", "")).toList();
        assertEquals(List.of("File", "Edit", "Window", "Help"), menus);

        IWorkbenchPage page = window.getActivePage();
        assertEquals(WorkbenchLayout.PERSPECTIVE_ID, page.getPerspective().getId());
        assertNotNull(page.findView(IPageLayout.ID_PROJECT_EXPLORER), "explorer is not shown");
        assertNotNull(page.findView(IPageLayout.ID_PROBLEM_VIEW), "Problems view is not shown");

        File shot = screenshot(display, shell.getBounds(), "workbench.png");
        assertTrue(shot.length() > 10_000, "screenshot looks empty: " + shot.length() + " bytes");
    }

    @Test
    void helpAboutOpensAnAboutDialogNamingTheProduct() {
        Display display = Display.getCurrent();
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        AtomicReference<String> aboutTitle = new AtomicReference<>();
        // The dialog is modal: its own event loop runs this timer, which records and closes it.
        display.timerExec(1500, () -> {
            Shell about = display.getActiveShell();
            if (about != null && about != window.getShell()) {
                settle(display);
                aboutTitle.set(about.getText());
                screenshot(display, about.getBounds(), "about.png");
                about.close();
            }
        });
        ActionFactory.ABOUT.create(window).run();
        assertEquals("About Latentlab", aboutTitle.get());
    }

    private static void settle(Display display) {
        long until = System.currentTimeMillis() + 500;
        while (System.currentTimeMillis() < until) {
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    private static File screenshot(Display display, Rectangle area, String name) {
        File directory = new File(System.getProperty("latentlab.screenshots", "target/screenshots"));
        directory.mkdirs();
        File file = new File(directory, name);
        Image image = new Image(display, area.width, area.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, area.x, area.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(file.getPath(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
        return file;
    }
}
