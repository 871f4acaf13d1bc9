package io.latentlab.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.common.CommandException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;

import io.latentlab.ui.ExampleExperiments;
import io.latentlab.ui.ReadOnlyEditor;
import io.latentlab.ui.WorkbenchCommands;

/**
 * The first-start page in the editor area (and Help > Welcome): three ways to begin — train an
 * example, open a run, install a plugin — and the examples with what each is. The actions are
 * commands of {@link WorkbenchCommands}, handled by the bundles that can do them.
 */
public final class WelcomeEditor extends ReadOnlyEditor {

    /** The editor's id. */
    public static final String ID = "io.latentlab.ui.welcome";

    /** The buttons' labels. */
    public static final String TRAIN = "Train the Example";
    /** Opens a run folder in its editor. */
    public static final String OPEN_RUN = "Open a Run...";
    /** Installs a plugin bundle. */
    public static final String INSTALL = "Install a Plugin...";

    private static final String FIRST = "vae.experiment.yaml";

    private Table examples;
    private final Map<String, Button> buttons = new LinkedHashMap<>();

    /**
     * Opens the page, or brings it to the front.
     *
     * @param page the workbench page
     * @return the page
     * @throws PartInitException if it cannot be created
     */
    public static WelcomeEditor open(IWorkbenchPage page) throws PartInitException {
        return (WelcomeEditor) page.openEditor(WelcomeInput.INSTANCE, ID);
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) {
        setSite(site);
        setInput(input);
        setPartName(input.getName());
    }

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.swtDefaults().margins(24, 18).spacing(8, 10).applyTo(parent);
        Label title = new Label(parent, SWT.NONE);
        title.setText("Welcome to Latentlab");
        title.setFont(JFaceResources.getHeaderFont());
        Label intro = new Label(parent, SWT.WRAP);
        intro.setText("Design, train and inspect generative networks. Train one of the examples below and watch it in"
                + " its run editor, open a run trained before (here or with the latentlab command), or add layers,"
                + " optimizers and models from a plugin bundle.");
        GridDataFactory.fillDefaults().grab(true, false).hint(700, SWT.DEFAULT).applyTo(intro);
        Composite row = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).equalWidth(true).applyTo(row);
        button(row, TRAIN, "Train the example selected below, in the background; its run opens as it trains",
                this::trainSelected);
        button(row, OPEN_RUN, "Choose a run folder (one holding experiment.yaml) and open it in its run editor",
                () -> execute(WorkbenchCommands.OPEN_RUN));
        button(row, INSTALL, "Choose a plugin bundle jar that contributes layers, optimizers, models or datasets",
                () -> execute(WorkbenchCommands.INSTALL_PLUGIN));
        Label listed = new Label(parent, SWT.NONE);
        listed.setText("Examples (double-click one to open it in the experiment editor):");
        examples = new Table(parent, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        examples.setHeaderVisible(true);
        new TableColumn(examples, SWT.NONE).setText("Example");
        new TableColumn(examples, SWT.NONE).setText("What it is");
        for (Path example : ExampleExperiments.list()) {
            TableItem item = new TableItem(examples, SWT.NONE);
            item.setText(new String[] {name(example), description(example)});
            item.setData(example);
            if (example.getFileName().toString().equals(FIRST) || examples.getSelectionCount() == 0) {
                examples.setSelection(item);
            }
        }
        for (TableColumn column : examples.getColumns()) {
            column.pack();
        }
        examples.addListener(SWT.DefaultSelection, event -> openSelected());
        GridDataFactory.fillDefaults().grab(true, true).applyTo(examples);
        buttons.get(TRAIN).setEnabled(examples.getItemCount() > 0);
    }

    private void button(Composite row, String label, String tip, Runnable action) {
        Button button = new Button(row, SWT.PUSH);
        button.setText(label);
        button.setToolTipText(tip);
        button.addListener(SWT.Selection, event -> action.run());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(button);
        buttons.put(label, button);
    }

    private static String name(Path example) {
        return example.getFileName().toString().replace(".experiment.yaml", "");
    }

    /** The example's first comment line, which says what it is. */
    private static String description(Path example) {
        try (var lines = Files.lines(example)) {
            return lines.filter(line -> line.startsWith("#")).findFirst().map(line -> line.substring(1).strip()).orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** @return the workspace copy of the selected example, opened in the experiment editor; or null */
    private IFile openSelected() {
        if (examples.getSelectionCount() == 0) {
            return null;
        }
        Path example = (Path) examples.getSelection()[0].getData();
        try {
            IFile file = ExampleExperiments.project().getFile(example.getFileName().toString());
            if (!file.exists()) {
                file = ExampleExperiments.copyIntoWorkspace(example);
            }
            IDE.openEditor(getSite().getPage(), file);
            return file;
        } catch (CoreException | IOException e) {
            MessageDialog.openError(getSite().getShell(), "Welcome", "Cannot open the example " + name(example) + ": "
                    + e.getMessage());
            return null;
        }
    }

    /** Opens the example (the run trains what the form shows) and runs it from its editor. */
    private void trainSelected() {
        if (openSelected() != null) {
            execute(WorkbenchCommands.RUN_EXPERIMENT);
        }
    }

    private void execute(String command) {
        try {
            getSite().getService(IHandlerService.class).executeCommand(command, null);
        } catch (CommandException e) {
            MessageDialog.openError(getSite().getShell(), "Welcome", "Cannot " + command + ": " + e.getMessage());
        }
    }

    /**
     * Selects an example as a click on its row does (for tests).
     *
     * @param name its name, e.g. {@code autoencoder}
     */
    public void select(String name) {
        for (TableItem item : examples.getItems()) {
            if (item.getText(0).equals(name)) {
                examples.setSelection(item);
                return;
            }
        }
        throw new IllegalArgumentException("no example " + name);
    }

    /** @return the examples listed, by name (for tests) */
    public List<String> examples() {
        return List.of(examples.getItems()).stream().map(item -> item.getText(0)).toList();
    }

    /**
     * Presses a button as a click does (for tests).
     *
     * @param label {@link #TRAIN}, {@link #OPEN_RUN} or {@link #INSTALL}
     */
    public void press(String label) {
        buttons.get(label).notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    /** @return the buttons' labels, in order (for tests) */
    public List<String> actions() {
        return List.copyOf(buttons.keySet());
    }

    @Override
    public void setFocus() {
        examples.setFocus();
    }
}
