package io.latentlab.ui.editor.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.latentlab.core.ParameterSpec;
import io.latentlab.core.ParameterType;
import io.latentlab.experiments.ExperimentText;

/**
 * One declared parameter on the form: its name, a control for its value (a list of words for
 * choices and booleans, a text field otherwise, showing the default when empty), and a tooltip
 * with the parameter's doc, what it expects and its default. Clearing the value removes the
 * field from the file, so the default applies.
 */
final class ParameterField {

    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final String DEFAULT_PREFIX = "default: ";

    private final ParameterSpec spec;
    private final String path;
    private final Control control;
    private final String tooltip;
    private boolean showing;

    /**
     * @param parent a two-column grid
     * @param spec the parameter
     * @param path its field path in the experiment, e.g. {@code optimizer.learning_rate}
     * @param given its value in the file, or {@code null}
     * @param write told the field path and the new YAML literal ({@code null}: remove the field)
     */
    ParameterField(Composite parent, ParameterSpec spec, String path, Object given, BiConsumer<String, String> write) {
        this.spec = spec;
        this.path = path;
        Label label = new Label(parent, SWT.NONE);
        label.setText(spec.name() + (spec.unit().isEmpty() ? "" : " (" + spec.unit() + ")"));
        tooltip = (spec.doc().isEmpty() ? "" : spec.doc() + "\n") + "Expects " + spec.expectation() + "; "
                + (spec.required() ? "required." : DEFAULT_PREFIX + describeDefault(spec.defaultValue()) + ".");
        label.setToolTipText(tooltip);
        if (spec.type() == ParameterType.CHOICE || spec.type() == ParameterType.BOOLEAN) {
            Combo combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
            List<String> items = new ArrayList<>();
            items.add(spec.required() ? "" : DEFAULT_PREFIX + describeDefault(spec.defaultValue()));
            items.addAll(spec.type() == ParameterType.BOOLEAN ? List.of("true", "false") : spec.choices());
            combo.setItems(items.toArray(String[]::new));
            combo.setVisibleItemCount(Math.min(items.size(), 20));
            combo.addListener(SWT.Selection, e -> {
                if (!showing) {
                    write.accept(path, combo.getSelectionIndex() <= 0 ? null : literal(combo.getText()));
                }
            });
            control = combo;
        } else {
            Text text = new Text(parent, SWT.BORDER | SWT.SINGLE);
            text.setMessage(spec.required() ? "required" : DEFAULT_PREFIX + describeDefault(spec.defaultValue()));
            text.addListener(SWT.Modify, e -> {
                if (!showing) {
                    write.accept(path, text.getText().isBlank() ? null : literal(text.getText().strip()));
                }
            });
            control = text;
        }
        control.setToolTipText(tooltip);
        control.setData(ExperimentForm.PATH, path);
        control.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        show(given);
    }

    /** @return the field path it edits */
    String path() {
        return path;
    }

    /** @return its control */
    Control control() {
        return control;
    }

    /**
     * Shows a value read from the file, unless the researcher is typing in this field.
     *
     * @param given the value, or {@code null} when the file omits it
     */
    void show(Object given) {
        if (control.isDisposed() || (control.isFocusControl() && control instanceof Text)) {
            return;
        }
        showing = true;
        try {
            if (control instanceof Combo combo) {
                int index = given == null ? 0 : combo.indexOf(describe(given));
                if (index < 0) {
                    combo.add(describe(given)); // a value the schema does not allow: shown as written, marked by validation
                    index = combo.getItemCount() - 1;
                }
                if (combo.getSelectionIndex() != index) {
                    combo.select(index);
                }
            } else {
                String value = given == null || "".equals(given) ? "" : describe(given);
                Text text = (Text) control;
                if (!text.getText().equals(value)) {
                    text.setText(value);
                }
            }
        } finally {
            showing = false;
        }
    }

    /**
     * Marks the field with a validation problem, or clears the mark.
     *
     * @param problem the message, or {@code null}
     */
    void problem(String problem) {
        control.setBackground(problem == null ? null : control.getDisplay().getSystemColor(SWT.COLOR_YELLOW));
        control.setToolTipText(problem == null ? tooltip : problem + "\n\n" + tooltip);
    }

    /** @return the YAML to write for what the researcher typed: as typed when YAML reads it as the expected type */
    private String literal(String typed) {
        return switch (spec.type()) {
            case INTEGER -> INTEGER.matcher(typed).matches() ? typed : ExperimentText.literal(typed);
            case NUMBER -> isNumber(typed) ? typed : ExperimentText.literal(typed);
            case BOOLEAN -> typed;
            case INTEGER_LIST -> integerList(typed);
            case CHOICE, TEXT, CONTRIBUTION -> ExperimentText.literal(typed);
        };
    }

    private static boolean isNumber(String typed) {
        return ExperimentText.values("v: " + typed).map(v -> ((Map<?, ?>) v).get("v")).orElse(null) instanceof Number;
    }

    private static String integerList(String typed) {
        String inner = typed.startsWith("[") && typed.endsWith("]") ? typed.substring(1, typed.length() - 1) : typed;
        List<String> items = new ArrayList<>();
        for (String item : inner.split(",")) {
            if (!INTEGER.matcher(item.strip()).matches()) {
                return ExperimentText.literal(typed);
            }
            items.add(item.strip());
        }
        return items.size() == 1 ? items.get(0) : "[" + String.join(", ", items) + "]";
    }

    private static String describeDefault(Object value) {
        String described = describe(value);
        return described.isEmpty() ? "(none)" : described;
    }

    private static String describe(Object value) {
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(Objects.toString(item)));
            return list.size() == 1 ? items.get(0) : String.join(", ", items);
        }
        if (value instanceof Double number && Double.isFinite(number) && number != 0
                && Math.abs(number) >= 1e-7 && Math.abs(number) < 1e9) {
            String plain = BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0"; // 1.0 stays a number with a point, as YAML wrote it
        }
        return String.valueOf(value);
    }
}
