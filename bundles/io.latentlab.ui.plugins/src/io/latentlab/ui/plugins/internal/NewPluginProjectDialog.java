package io.latentlab.ui.plugins.internal;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.latentlab.plugins.PluginScaffold;

/**
 * Asks for what {@code latentlab plugins new} asks: the kind, the bundle name, the contribution's
 * id and the folder. Every field is checked as it is typed; Create is enabled only when the
 * project can be written.
 */
final class NewPluginProjectDialog extends TitleAreaDialog {

    /**
     * What the user chose.
     *
     * @param kind one of {@link PluginScaffold#KINDS}
     * @param bundle the bundle's symbolic name
     * @param id the contribution's id
     * @param directory the project's folder
     */
    record Choice(String kind, String bundle, String id, Path directory) {
    }

    /** The key under which each field's name is its data (kind, bundle, id, directory), for tests that fill them. */
    static final String FIELD = "latentlab.field";

    private final Path parentDirectory;
    private Combo kind;
    private Text bundle;
    private Text id;
    private Text directory;
    private boolean idEdited;
    private boolean directoryEdited;
    private Choice choice;

    /**
     * @param parent the shell
     * @param parentDirectory where projects go by default (one folder per bundle)
     */
    NewPluginProjectDialog(Shell parent, Path parentDirectory) {
        super(parent);
        this.parentDirectory = parentDirectory;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("New Plugin Project");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("New Plugin Project");
        setMessage("A standalone project for one contribution: its code with its parameters, a test with the test kit,"
                + " an experiment that uses it; ./mvnw verify builds it against this installation.");
        Composite fields = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).margins(10, 10).applyTo(fields);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);

        label(fields, "&Kind:");
        kind = new Combo(fields, SWT.READ_ONLY);
        PluginScaffold.KINDS.forEach(kind::add);
        kind.select(0);
        kind.setData(FIELD, "kind");
        GridDataFactory.fillDefaults().span(2, 1).applyTo(kind);

        label(fields, "&Bundle name:");
        bundle = new Text(fields, SWT.BORDER);
        bundle.setText("org.example.my_" + kind.getText());
        bundle.setData(FIELD, "bundle");
        bundle.setToolTipText("dot-separated lower-case words; also the Java package, e.g. org.example.gelu");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(420, SWT.DEFAULT).applyTo(bundle);

        label(fields, "Contribution &id:");
        id = new Text(fields, SWT.BORDER);
        id.setData(FIELD, "id");
        id.setToolTipText("what experiments write, e.g. activation: gelu; by default the bundle name's last word");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(id);

        label(fields, "&Folder:");
        directory = new Text(fields, SWT.BORDER);
        directory.setData(FIELD, "directory");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(directory);
        Button browse = new Button(fields, SWT.PUSH);
        browse.setText("B&rowse...");
        browse.addListener(SWT.Selection, event -> {
            DirectoryDialog chooser = new DirectoryDialog(getShell());
            chooser.setFilterPath(parentDirectory.toString());
            String chosen = chooser.open();
            if (chosen != null) {
                directory.setText(Path.of(chosen).resolve(bundle.getText().strip()).toString());
                directoryEdited = true;
            }
        });

        kind.addListener(SWT.Selection, event -> {
            if (bundle.getText().startsWith("org.example.my_")) {
                bundle.setText("org.example.my_" + kind.getText()); // still the suggestion: follow the kind
            }
            validate();
        });
        bundle.addListener(SWT.Modify, event -> {
            String name = bundle.getText().strip();
            if (!idEdited) {
                id.setText(PluginScaffold.defaultId(name));
            }
            if (!directoryEdited) {
                directory.setText(parentDirectory.resolve(name).toString());
            }
            validate();
        });
        id.addListener(SWT.Modify, event -> validate());
        id.addListener(SWT.KeyDown, event -> idEdited = true);
        directory.addListener(SWT.Modify, event -> validate());
        directory.addListener(SWT.KeyDown, event -> directoryEdited = true);
        id.setText(PluginScaffold.defaultId(bundle.getText()));
        directory.setText(parentDirectory.resolve(bundle.getText()).toString());
        return area;
    }

    private static void label(Composite parent, String text) {
        new Label(parent, SWT.NONE).setText(text);
    }

    /** Wide enough for a folder path, narrow enough that the message wraps. */
    @Override
    protected org.eclipse.swt.graphics.Point getInitialSize() {
        org.eclipse.swt.graphics.Point preferred = super.getInitialSize();
        return new org.eclipse.swt.graphics.Point(Math.min(preferred.x, 760), Math.max(preferred.y, 340));
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Create", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    /** Shows the first problem, if any, and enables Create only without one. */
    private void validate() {
        Optional<String> problem = problem();
        setErrorMessage(problem.orElse(null));
        Button create = getButton(IDialogConstants.OK_ID);
        if (create != null) {
            create.setEnabled(problem.isEmpty());
        }
    }

    private Optional<String> problem() {
        Optional<String> badName = PluginScaffold.problemWithName(bundle.getText().strip());
        if (badName.isPresent()) {
            return badName;
        }
        Optional<String> badId = PluginScaffold.problemWithId(id.getText().strip());
        if (badId.isPresent()) {
            return badId;
        }
        String folder = directory.getText().strip();
        return folder.isEmpty() ? Optional.of("Choose a folder for the project")
                : PluginScaffold.problemWithDirectory(Path.of(folder));
    }

    @Override
    protected void okPressed() {
        choice = new Choice(kind.getText(), bundle.getText().strip(), id.getText().strip(), Path.of(directory.getText().strip()));
        super.okPressed();
    }

    /** @return what was chosen, once Create was pressed */
    Optional<Choice> choice() {
        return Optional.ofNullable(choice);
    }
}
