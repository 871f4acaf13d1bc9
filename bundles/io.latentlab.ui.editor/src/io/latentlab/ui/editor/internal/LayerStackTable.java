package io.latentlab.ui.editor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.ParameterSpec;
import io.latentlab.core.ParameterType;
import io.latentlab.core.RegisteredContribution;
import io.latentlab.core.layer.ActivationFactory;
import io.latentlab.core.layer.LayerFactory;
import io.latentlab.experiments.ExperimentText;

/**
 * One layer stack of a model (encoder, decoder, generator...) on the form: its layers as a
 * table, buttons to add (from the installed layers), remove and reorder them, and the selected
 * layer's parameters below, from its schema.
 */
final class LayerStackTable {

    private final String listPath;
    private final List<ParameterField> fields = new ArrayList<>();
    private final Table table;

    /**
     * @param parent the model section
     * @param registry the installed contributions
     * @param stack the stack's name
     * @param layers the stack as read from the file (a list of one-entry maps)
     * @param selected the layer to show the parameters of, or -1
     * @param select told the newly selected index (the form rebuilds to show it)
     * @param edit applies a change to the text; structural changes rebuild the form
     * @param write writes one field (path, YAML literal or {@code null})
     */
    LayerStackTable(Composite parent, ContributionRegistry registry, String stack, List<?> layers, int selected,
            IntConsumer select, Consumer<UnaryOperator<String>> edit, BiConsumer<String, String> write) {
        listPath = "model." + stack;
        Group group = new Group(parent, SWT.NONE);
        group.setText("Layers: " + stack);
        group.setLayout(new GridLayout(2, false));
        group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));

        table = new Table(group, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setData(ExperimentForm.PATH, listPath);
        String[] titles = {"#", "layer", "name", "parameters"};
        int[] widths = {30, 110, 90, 330};
        for (int i = 0; i < titles.length; i++) {
            TableColumn column = new TableColumn(table, SWT.NONE);
            column.setText(titles[i]);
            column.setWidth(widths[i]);
        }
        for (int i = 0; i < layers.size(); i++) {
            TableItem item = new TableItem(table, SWT.NONE);
            String type = type(layers.get(i));
            Map<?, ?> parameters = parameters(layers.get(i));
            Object name = parameters.get("name");
            List<String> shown = new ArrayList<>();
            parameters.forEach((k, v) -> {
                if (!"name".equals(k)) {
                    shown.add(k + ": " + v);
                }
            });
            item.setText(new String[] {Integer.toString(i + 1), type, name == null ? stack + (i + 1) : String.valueOf(name),
                String.join(", ", shown)});
        }
        GridData tableData = new GridData(SWT.FILL, SWT.TOP, true, false);
        tableData.heightHint = (Math.max(4, layers.size()) + 1) * table.getItemHeight() + table.getHeaderHeight()
                + 2 * table.getBorderWidth();
        table.setLayoutData(tableData);
        if (selected >= 0 && selected < layers.size()) {
            table.select(selected);
        }
        table.addListener(SWT.Selection, e -> select.accept(table.getSelectionIndex()));

        Composite buttons = new Composite(group, SWT.NONE);
        buttons.setLayout(new GridLayout(1, true));
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        Combo add = layerTypes(buttons, registry, listPath);
        button(buttons, "Add", "Append a layer of the chosen type", listPath + "#add", () -> {
            edit.accept(text -> ExperimentText.addItem(text, listPath, add.getText() + ": {}"));
            select.accept(layers.size());
        });
        button(buttons, "Remove", "Remove the selected layer", listPath + "#remove", () -> {
            int index = table.getSelectionIndex();
            if (index >= 0 && layers.size() > 1) {
                edit.accept(text -> ExperimentText.removeItem(text, listPath, index));
                select.accept(Math.min(index, layers.size() - 2));
            }
        });
        button(buttons, "Up", "Move the selected layer one place up", listPath + "#up", () -> move(edit, select, true));
        button(buttons, "Down", "Move the selected layer one place down", listPath + "#down",
                () -> move(edit, select, false));

        if (selected >= 0 && selected < layers.size()) {
            parameterFields(group, registry, stack, layers.get(selected), selected, write);
        }
    }

    private void move(Consumer<UnaryOperator<String>> edit, IntConsumer select, boolean up) {
        int index = table.getSelectionIndex();
        int target = up ? index - 1 : index + 1;
        if (index >= 0 && target >= 0 && target < table.getItemCount()) {
            edit.accept(text -> ExperimentText.moveItem(text, listPath, index, up));
            select.accept(target);
        }
    }

    private void parameterFields(Group group, ContributionRegistry registry, String stack, Object layer, int index,
            BiConsumer<String, String> write) {
        String type = type(layer);
        String layerPath = listPath + "[" + index + "]." + type;
        Map<?, ?> given = parameters(layer);
        Composite box = new Composite(group, SWT.NONE);
        box.setLayout(new GridLayout(2, false));
        box.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        Label title = new Label(box, SWT.WRAP);
        var factory = registry.find(LayerFactory.class, type);
        title.setText("Layer " + (index + 1) + " (" + type + ")" + factory.map(f -> ": " + f.doc())
                .orElse(": not an installed layer"));
        title.setLayoutData(ExperimentForm.wrapping(2));
        fields.add(new ParameterField(box, new ParameterSpec("name", ParameterType.TEXT, stack + (index + 1), null, null,
                List.of(), "", "The layer's name in messages, charts and the Network view"), layerPath + ".name",
                given.get("name"), write));
        if (factory.isEmpty()) {
            return;
        }
        if (!(factory.get() instanceof ActivationFactory)) {
            List<String> activations = registry.list(ActivationFactory.class).stream().map(a -> a.contribution().id())
                    .toList();
            fields.add(new ParameterField(box, new ParameterSpec("activation", ParameterType.CHOICE, "identity", null, null,
                    activations, "", "Applied to the layer's output (installed activations)"), layerPath + ".activation",
                    given.get("activation"), write));
        }
        for (ParameterSpec spec : factory.get().schema().specs()) {
            fields.add(new ParameterField(box, spec, layerPath + "." + spec.name(), given.get(spec.name()), write));
        }
    }

    private static void button(Composite parent, String text, String tooltip, String id, Runnable action) {
        ExperimentForm.button(parent, text, tooltip, id, action).setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
    }

    /**
     * @return a chooser of the installed layer types a new layer can have (activations are
     *         parameters of layers, not offered), {@code dense} chosen; its {@link ExperimentForm#PATH}
     *         is {@code listPath#type}
     */
    static Combo layerTypes(Composite parent, ContributionRegistry registry, String listPath) {
        Combo types = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        for (RegisteredContribution<LayerFactory> layer : registry.list(LayerFactory.class)) {
            if (!(layer.contribution() instanceof ActivationFactory)) {
                types.add(layer.contribution().id());
            }
        }
        types.setVisibleItemCount(Math.min(types.getItemCount(), 20));
        types.setToolTipText("The layer type a new layer gets (installed layers)");
        types.setData(ExperimentForm.PATH, listPath + "#type");
        types.select(Math.max(0, types.indexOf("dense")));
        return types;
    }

    /** @return the selected layer's parameter fields */
    List<ParameterField> fields() {
        return fields;
    }

    static String type(Object layer) {
        return layer instanceof Map<?, ?> map && map.size() == 1 ? String.valueOf(map.keySet().iterator().next()) : "?";
    }

    static Map<?, ?> parameters(Object layer) {
        return layer instanceof Map<?, ?> map && map.size() == 1 && map.values().iterator().next() instanceof Map<?, ?> given
                ? given : Map.of();
    }
}
