package io.latentlab.ui.runs.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * Asks which networks of a trained run to write as ONNX models, and into which folder: what
 * {@code latentlab export RUN --format onnx [--network NAME] [--out DIR]} asks. Every network is
 * checked at first; the folder is the run's {@code onnx/}, as on the command line.
 */
final class ExportOnnxDialog extends TitleAreaDialog {

    /**
     * What the user chose.
     *
     * @param networks the networks' names
     * @param folder where to write NAME.onnx
     */
    record Choice(List<String> networks, Path folder) {
    }

    /**
     * A network to offer.
     *
     * @param name its name
     * @param description its inputs and outputs, e.g. {@code input [1, 28, 28] -> mu [20], log_var [20]}
     */
    record Offered(String name, String description) {
    }

    /** The key under which each field's name is its data (networks, folder), for tests that fill them. */
    static final String FIELD = "latentlab.field";

    private final String run;
    private final List<Offered> offered;
    private final Path defaultFolder;
    private Table networks;
    private Text folder;
    private Choice choice;

    /**
     * @param parent the shell
     * @param run the run's name
     * @param offered its networks
     * @param defaultFolder RUN_DIR/onnx
     */
    ExportOnnxDialog(Shell parent, String run, List<Offered> offered, Path defaultFolder) {
        super(parent);
        this.run = run;
        this.offered = offered;
        this.defaultFolder = defaultFolder;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Export Network as ONNX");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Export " + run + " as ONNX");
        setMessage("Each network as an ONNX model (opset 17, float32, evaluation mode: batch norm with its running"
                + " statistics, dropout off), for ONNX Runtime, PyTorch or C++.");
        Composite fields = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).margins(10, 10).applyTo(fields);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);

        Label label = new Label(fields, SWT.NONE);
        label.setText("&Networks:");
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(label);
        networks = new Table(fields, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL);
        networks.setData(FIELD, "networks");
        for (Offered network : offered) {
            TableItem item = new TableItem(networks, SWT.NONE);
            item.setText(network.name() + "    " + network.description());
            item.setData(network.name());
            item.setChecked(true);
        }
        networks.addListener(SWT.Selection, event -> validate());
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).hint(560, Math.min(8, offered.size()) * 24 + 8)
                .applyTo(networks);

        new Label(fields, SWT.NONE).setText("&Folder:");
        folder = new Text(fields, SWT.BORDER);
        folder.setData(FIELD, "folder");
        folder.setText(defaultFolder.toString());
        folder.setToolTipText("each network is written there as NAME.onnx");
        folder.addListener(SWT.Modify, event -> validate());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(folder);
        Button browse = new Button(fields, SWT.PUSH);
        browse.setText("B&rowse...");
        browse.addListener(SWT.Selection, event -> {
            DirectoryDialog chooser = new DirectoryDialog(getShell());
            chooser.setFilterPath(folder.getText());
            String chosen = chooser.open();
            if (chosen != null) {
                folder.setText(chosen);
            }
        });
        return area;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Export", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    private List<String> checked() {
        return Arrays.stream(networks.getItems()).filter(TableItem::getChecked).map(item -> (String) item.getData()).toList();
    }

    /** Export is enabled once a network is checked and a folder given. */
    private void validate() {
        String problem = checked().isEmpty() ? "Check the networks to export"
                : folder.getText().isBlank() ? "Choose a folder for the .onnx files" : null;
        setErrorMessage(problem);
        Button export = getButton(IDialogConstants.OK_ID);
        if (export != null) {
            export.setEnabled(problem == null);
        }
    }

    @Override
    protected void okPressed() {
        choice = new Choice(checked(), Path.of(folder.getText().strip()));
        super.okPressed();
    }

    /** @return what was chosen, once Export was pressed */
    Optional<Choice> choice() {
        return Optional.ofNullable(choice);
    }
}
