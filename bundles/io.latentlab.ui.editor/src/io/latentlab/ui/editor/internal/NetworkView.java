package io.latentlab.ui.editor.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.part.ViewPart;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.model.NodeInfo;
import io.latentlab.core.model.TrainedNetwork;
import io.latentlab.experiments.CheckedExperiment;
import io.latentlab.experiments.ExperimentReader;
import io.latentlab.runs.ExperimentRunner;
import io.latentlab.ui.PartInjection;
import io.latentlab.ui.ViewParts;

/**
 * The networks of the experiment in the active experiment editor, as its model builds them for
 * its dataset, drawn as layer graphs (Graph tab) and listed (Table tab): every layer with what it reads, its output shape and its parameter count, and
 * each network's total. Follows the editor as it is edited (in the background, a second after
 * the text changes); when the experiment does not build, says why.
 */
public final class NetworkView extends ViewPart {

    /** View id. */
    public static final String ID = "io.latentlab.ui.editor.network";

    @Inject
    @Service
    ContributionRegistry registry;

    private Tree tree;
    private NetworkGraph graph;
    private Label status;
    private String shownText;
    private volatile Job building;

    @Override
    public void createPartControl(Composite parent) {
        PartInjection.inject(this, getSite(), parent);
        parent.setLayout(new GridLayout(1, false));
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setText("Open an experiment in the editor to see its networks.");
        TabFolder tabs = new TabFolder(parent, SWT.TOP);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        graph = new NetworkGraph(tabs);
        TabItem graphTab = new TabItem(tabs, SWT.NONE);
        graphTab.setText("Graph");
        graphTab.setControl(graph.control());
        tree = new Tree(tabs, SWT.BORDER | SWT.FULL_SELECTION);
        TabItem tableTab = new TabItem(tabs, SWT.NONE);
        tableTab.setText("Table");
        tableTab.setControl(tree);
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        String[] titles = {"Layer", "Type", "Reads", "Output shape", "Parameters"};
        int[] widths = {130, 75, 105, 95, 80};
        for (int i = 0; i < titles.length; i++) {
            TreeColumn column = new TreeColumn(tree, i == 4 ? SWT.RIGHT : SWT.LEFT);
            column.setText(titles[i]);
            column.setWidth(widths[i]);
        }
        ViewParts.every(tree, () -> 1000, this::follow);
    }

    /** Rebuilds when the active experiment editor's text differs from what is shown. */
    public void follow() {
        IEditorPart active = getSite().getPage().getActiveEditor();
        ExperimentEditor editor = active == null ? null : active.getAdapter(ExperimentEditor.class);
        if (editor == null || editor.location() == null || building != null) {
            return;
        }
        String text = editor.text();
        if (text.equals(shownText)) {
            return;
        }
        shownText = text;
        Path file = editor.location();
        Job job = new Job("Building the networks of " + file.getFileName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                String message;
                List<TrainedNetwork> networks = List.of();
                try {
                    CheckedExperiment checked = new ExperimentReader(registry).check(file, text);
                    networks = new ExperimentRunner(registry).networks(checked);
                    message = file.getFileName() + ": " + checked.model().id() + ", " + networks.size() + " network(s), "
                            + String.format(Locale.ROOT, "%,d", networks.stream().mapToLong(NetworkView::parameters).sum())
                            + " parameters";
                } catch (Exception | LinkageError e) {
                    message = file.getFileName() + " does not build: " + e.getMessage();
                } finally {
                    building = null;
                }
                List<TrainedNetwork> built = networks;
                String shown = message;
                if (!tree.isDisposed()) {
                    tree.getDisplay().asyncExec(() -> show(shown, built));
                }
                return Status.OK_STATUS;
            }
        };
        job.setSystem(true);
        building = job;
        job.schedule();
    }

    private static long parameters(TrainedNetwork network) {
        return network.nodes().stream().mapToLong(NodeInfo::parameterCount).sum();
    }

    private void show(String message, List<TrainedNetwork> networks) {
        if (tree.isDisposed()) {
            return;
        }
        status.setText(message);
        graph.show(networks);
        tree.removeAll();
        for (int n = 0; n < networks.size(); n++) {
            TrainedNetwork network = networks.get(n);
            TreeItem root = new TreeItem(tree, SWT.NONE);
            String inputs = network.inputShapes().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            root.setText(new String[] {"network " + network.name(), "", inputs, "", String.format(Locale.ROOT, "%,d",
                    parameters(network))});
            for (NodeInfo node : network.nodes()) {
                TreeItem item = new TreeItem(root, SWT.NONE);
                item.setText(new String[] {node.name(), node.type(), String.join(", ", node.inputs()),
                        String.valueOf(node.outputShape()), String.format(Locale.ROOT, "%,d", node.parameterCount())});
            }
            root.setExpanded(true);
        }
        status.getParent().layout();
    }

    /** @return the text of every row, networks and their layers, as shown (for tests) */
    public List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (TreeItem root : tree.getItems()) {
            rows.add(text(root));
            for (TreeItem item : root.getItems()) {
                rows.add("  " + text(item));
            }
        }
        return rows;
    }

    /** @return the graph's boxes as "network/row: label (detail)" (for tests) */
    public List<String> graphBoxes() {
        return graph.boxes().stream().map(b -> (b.network() + 1) + "/" + b.row() + ": " + b.label() + " (" + b.detail() + ")"
                + (b.output() ? " output" : "")).toList();
    }

    /** @return the graph's arrows as "from -> to [shape]" (for tests) */
    public List<String> graphEdges() {
        return graph.edges().stream().map(e -> e.from() + " -> " + (e.to() == null ? "out" : e.to()) + " " + e.shape())
                .toList();
    }

    /** @return the line above the tree (for tests) */
    public String status() {
        return status.getText();
    }

    private static String text(TreeItem item) {
        return IntStream.range(0, 5).mapToObj(item::getText).collect(Collectors.joining(" | "));
    }

    @Override
    public void setFocus() {
        tree.setFocus();
    }
}
