package io.latentlab.ui.editor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.eclipse.core.commands.common.CommandException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;

import io.latentlab.core.Contribution;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.ParameterSpec;
import io.latentlab.core.ParameterType;
import io.latentlab.core.RegisteredContribution;
import io.latentlab.core.data.AugmentationFactory;
import io.latentlab.core.data.DatasetFactory;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.optim.OptimizerFactory;
import io.latentlab.core.optim.ScheduleChoice;
import io.latentlab.core.optim.ScheduleFactory;
import io.latentlab.experiments.ExperimentProblem;
import io.latentlab.experiments.ExperimentText;
import io.latentlab.ui.WorkbenchCommands;

/**
 * The experiment editor's form page, generated from the installed contributions' parameter
 * schemas: dataset, model (chosen among the installed models, with their docs), each layer
 * stack as an editable table, optimizers, augmentations and training settings. It reads and
 * writes the same document as the source page: every change here is a minimal edit of the
 * YAML (comments and layout kept, undoable there), every change there shows here. Plugins
 * installed or uninstalled meanwhile show in the choosers at once.
 */
public final class ExperimentForm {

    /** Widget data key: the field path a control edits (tests find controls by it). */
    public static final String PATH = "io.latentlab.path";

    /** Widget data key of a contribution chooser: the ids of its items, in order. */
    public static final String IDS = "io.latentlab.ids";

    private static final List<ParameterSpec> EXPERIMENT = List.of(
            new ParameterSpec("name", ParameterType.TEXT, null, null, null, List.of(), "",
                    "Names the run directories: runs/<timestamp>-<name>"),
            new ParameterSpec("seed", ParameterType.INTEGER, 1L, null, null, List.of(), "",
                    "Initial weights, minibatch order and noise; same seed, same numbers"),
            new ParameterSpec("description", ParameterType.TEXT, "", null, null, List.of(), "", "A note for the runs table"));
    private static final List<ParameterSpec> TRAINING = List.of(
            new ParameterSpec("epochs", ParameterType.INTEGER, null, 1.0, null, List.of(), "", "Passes over the training set"),
            new ParameterSpec("batch_size", ParameterType.INTEGER, 128L, 1.0, null, List.of(), "", "Examples per step"),
            new ParameterSpec("evaluate_every", ParameterType.INTEGER, 1L, 1.0, null, List.of(), "epochs",
                    "Test-set evaluation cadence"),
            new ParameterSpec("sample_every", ParameterType.INTEGER, 1L, 1.0, null, List.of(), "epochs",
                    "Sample grid cadence"),
            new ParameterSpec("checkpoint_every", ParameterType.INTEGER, 1L, 1.0, null, List.of(), "epochs",
                    "Checkpoint cadence (a final checkpoint is always written)"),
            new ParameterSpec("clip_norm", ParameterType.NUMBER, 0.0, 0.0, null, List.of(), "",
                    "Rescale each update's gradients whose joint L2 norm exceeds this; 0: never"),
            new ParameterSpec("clip_value", ParameterType.NUMBER, 0.0, 0.0, null, List.of(), "",
                    "Clamp every gradient value to [-clip_value, clip_value] first; 0: never"),
            new ParameterSpec("keep_checkpoints", ParameterType.INTEGER, 2L, 1.0, 100.0, List.of(), "",
                    "Checkpoints kept: the last and those before it, to resume from when the last is damaged"));
    private static final ParameterSpec WARMUP = new ParameterSpec(ScheduleChoice.WARMUP_STEPS, ParameterType.INTEGER, 0L,
            0.0, null, List.of(), "steps", "Linear warm-up to the base rate before the schedule; 0: none");
    private static final String NO_SCHEDULE = "constant rate (no schedule)";

    /** The shape of text that is not a readable experiment. */
    private static final String UNREADABLE = "unreadable";

    private final ContributionRegistry registry;
    private final IDocument document;
    private final ScrolledComposite scroll;
    private final List<ParameterField> fields = new ArrayList<>();
    private final Map<String, Integer> selectedLayers = new HashMap<>();
    private final Runnable refresh = this::refresh;
    private Composite content;
    private Label status;
    private String shape = "";
    private String lastMessage = "";
    private List<ExperimentProblem> problems = List.of();
    private boolean writing;
    private boolean visible;

    private final IDocumentListener listener = new IDocumentListener() {
        @Override
        public void documentAboutToBeChanged(DocumentEvent event) {
        }

        @Override
        public void documentChanged(DocumentEvent event) {
            if (!writing && visible && !scroll.isDisposed()) {
                scroll.getDisplay().timerExec(-1, refresh);
                scroll.getDisplay().timerExec(300, refresh);
            }
        }
    };

    /**
     * @param parent the editor's page container
     * @param registry the installed contributions
     * @param document the experiment's text, shared with the source page
     */
    ExperimentForm(Composite parent, ContributionRegistry registry, IDocument document) {
        this.registry = registry;
        this.document = document;
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        document.addDocumentListener(listener);
        scroll.addListener(SWT.Dispose, e -> document.removeDocumentListener(listener));
        // plugins installed or uninstalled while the editor is open: the choosers list what is installed now
        AutoCloseable subscription = registry.subscribe(event -> {
            if (!scroll.isDisposed()) {
                scroll.getDisplay().asyncExec(this::rebuildNow);
            }
        });
        scroll.addListener(SWT.Dispose, e -> {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // nothing more to tell a registry that is going away
            }
        });
        scroll.addListener(SWT.Resize, e -> fitWidth());
        rebuild();
    }

    /** @return the page's control */
    Control control() {
        return scroll;
    }

    /** @param shown whether the form page is the one shown; it catches up with the text when shown */
    void setVisible(boolean shown) {
        visible = shown;
        if (shown) {
            refresh();
        }
    }

    /** @return the message line at the top (syntax errors, problems, refused edits) */
    public String message() {
        return status == null || status.isDisposed() ? "" : status.getText();
    }

    /**
     * @param path a field path, e.g. {@code optimizer.learning_rate}, or a button's id ({@code model.encoder#add})
     * @return the control editing it on the page as it is now, or {@code null}
     */
    public Control control(String path) {
        return find(content, path);
    }

    /** @param found the latest validation problems: shown on their fields and counted at the top */
    void problems(List<ExperimentProblem> found) {
        problems = List.copyOf(found);
        if (!scroll.isDisposed()) {
            showProblems();
        }
    }

    /** Brings the form up to date with the text: values in place, or the whole page when its shape changed. */
    void refresh() {
        if (scroll.isDisposed()) {
            return;
        }
        Object root = ExperimentText.values(document.get()).orElse(null);
        if (!shape(root).equals(shape)) {
            rebuild();
            return;
        }
        for (ParameterField field : fields) {
            field.show(ExperimentText.at(root, field.path()));
        }
        showProblems();
    }

    private void rebuild() {
        Point origin = scroll.getOrigin();
        if (content != null) {
            content.dispose();
        }
        fields.clear();
        content = new Composite(scroll, SWT.NONE);
        content.setLayout(new GridLayout(2, true));
        header(content);
        Object root = ExperimentText.values(document.get()).orElse(null);
        shape = shape(root);
        if (!(root instanceof Map<?, ?> experiment)) {
            status.setText("The YAML cannot be read (see the Source page): fix it there and the form comes back.");
        } else {
            Composite left = column(content);
            Composite right = column(content);
            Group general = section(left, "Experiment");
            for (ParameterSpec spec : EXPERIMENT) {
                fields.add(new ParameterField(general, spec, spec.name(), experiment.get(spec.name()), this::write));
            }
            choice(left, "Dataset", "dataset", DatasetFactory.class, experiment.get("dataset"), List.of());
            augmentations(left, experiment.get("augmentations"));
            if (experiment.containsKey("optimizer") || !(experiment.get("optimizers") instanceof Map<?, ?>)) {
                choice(left, "Optimizer", "optimizer", OptimizerFactory.class, experiment.get("optimizer"), List.of());
            }
            if (experiment.get("optimizers") instanceof Map<?, ?> perStack) {
                perStack.forEach((stack, chosen) -> choice(left, "Optimizer: " + stack, "optimizers." + stack,
                        OptimizerFactory.class, chosen, List.of()));
            }
            Group training = section(left, "Training");
            Map<?, ?> trainingValues = experiment.get("training") instanceof Map<?, ?> map ? map : Map.of();
            for (ParameterSpec spec : TRAINING) {
                fields.add(new ParameterField(training, spec, "training." + spec.name(), trainingValues.get(spec.name()),
                        this::write));
            }
            model(right, experiment.get("model"), experiment.get("optimizers"));
        }
        scroll.setContent(content);
        fitWidth();
        scroll.setOrigin(origin);
        showProblems();
    }

    /** The message line (problems, unreadable YAML, refused edits) and the Run button. */
    private void header(Composite parent) {
        Composite header = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        header.setLayout(layout);
        header.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        status = new Label(header, SWT.WRAP);
        status.setLayoutData(wrapping(1));
        button(header, "Run (Ctrl+F11)", "Save and train this experiment in the background; the run opens in its editor",
                WorkbenchCommands.RUN_EXPERIMENT, this::run);
    }

    /** Each augmentation with its parameters and a Remove button, then a chooser to add one. */
    private void augmentations(Composite column, Object given) {
        List<?> augmentations = given instanceof List<?> list ? list : List.of();
        for (int i = 0; i < augmentations.size(); i++) {
            int index = i;
            Group section = choice(column, "Augmentation " + (i + 1), "augmentations[" + i + "]", AugmentationFactory.class,
                    augmentations.get(i), List.of());
            button(section, "Remove", "Take this augmentation out", "augmentations[" + i + "]#remove",
                    () -> edit(text -> ExperimentText.removeItem(text, "augmentations", index)));
        }
        Composite adding = new Composite(column, SWT.NONE);
        adding.setLayout(new GridLayout(2, false));
        adding.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Combo type = new Combo(adding, SWT.READ_ONLY | SWT.DROP_DOWN);
        type.setData(PATH, "augmentations#type");
        registry.list(AugmentationFactory.class).forEach(a -> type.add(a.contribution().id()));
        type.select(0);
        type.setToolTipText("Installed augmentations: applied to training batches in order");
        button(adding, "Add Augmentation", "Append an augmentation of the chosen kind", "augmentations#add", () -> {
            if (!type.getText().isEmpty()) {
                edit(text -> ExperimentText.addItem(text, "augmentations", "id: " + type.getText()));
            }
        });
    }

    /** @return a push button whose {@link #PATH} is {@code id} (tests press it by that) */
    static Button button(Composite parent, String text, String tooltip, String id,
            Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.setToolTipText(tooltip);
        button.setData(PATH, id);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    private void model(Composite column, Object given, Object optimizers) {
        ModelFactory factory = given instanceof Map<?, ?> map && map.get("id") != null
                ? registry.find(ModelFactory.class, String.valueOf(map.get("id"))).orElse(null) : null;
        List<String> stacks = factory == null ? List.of() : factory.stackNames();
        List<String> networks = factory == null ? List.of() : factory.networkNames();
        Group section = choice(column, "Model", "model", ModelFactory.class, given, stacks);
        if (factory == null) {
            return;
        }
        Map<?, ?> values = (Map<?, ?>) given;
        for (String stack : stacks) {
            if (!(values.get(stack) instanceof List<?> layers) || layers.isEmpty()) {
                missingStack(section, stack, values.get(stack));
                continue;
            }
            LayerStackTable table = new LayerStackTable(section, registry, stack, layers,
                    selectedLayers.getOrDefault(stack, 0), index -> {
                        selectedLayers.put(stack, index);
                        scroll.getDisplay().asyncExec(this::rebuildNow);
                    }, this::edit, this::write);
            fields.addAll(table.fields());
        }
        if (networks.size() > 1) {
            Map<?, ?> own = optimizers instanceof Map<?, ?> map ? map : Map.of();
            Group perStack = section(column, "Optimizer per network");
            for (String stack : networks) {
                Button check = new Button(perStack, SWT.CHECK);
                check.setText(stack + ": its own optimizer (else the Optimizer section's)");
                check.setData(PATH, "optimizers." + stack + "#own");
                check.setSelection(own.containsKey(stack));
                check.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
                check.addListener(SWT.Selection, e -> edit(text -> check.getSelection()
                        ? ExperimentText.set(text, "optimizers." + stack + ".id", defaultOptimizer(text))
                        : withoutEmptyOptimizers(ExperimentText.remove(text, "optimizers." + stack))));
            }
        }
    }

    private static String withoutEmptyOptimizers(String text) {
        Object root = ExperimentText.values(text).orElse(null);
        return root instanceof Map<?, ?> map && map.get("optimizers") instanceof Map<?, ?> perStack && perStack.isEmpty()
                ? ExperimentText.remove(text, "optimizers") : text;
    }

    /** @return the id a new per-network optimizer starts from: the shared optimizer's, else adam */
    private static String defaultOptimizer(String text) {
        Object root = ExperimentText.values(text).orElse(null);
        Object shared = root instanceof Map<?, ?> map && map.get("optimizer") instanceof Map<?, ?> optimizer
                ? optimizer.get("id") : null;
        return shared == null ? "adam" : String.valueOf(shared);
    }

    /** A stack the model needs and the file lacks: say so, and offer its first layer. */
    private void missingStack(Group section, String stack, Object given) {
        Label missing = new Label(section, SWT.WRAP);
        missing.setText("Layers: " + stack + " \u2014 " + (given == null ? "missing: the model needs this stack."
                : "not a list of layers: fix it in the Source page."));
        missing.setLayoutData(wrapping(2));
        if (given != null && !(given instanceof List<?>)) {
            return;
        }
        Combo type = LayerStackTable.layerTypes(section, registry, "model." + stack);
        button(section, "Add Layer", "Start the " + stack + " stack with a layer of the chosen type",
                "model." + stack + "#add", () -> edit(text -> ExperimentText.addItem(text, "model." + stack,
                        type.getText() + ": {}")));
    }

    private void run() {
        try {
            PlatformUI.getWorkbench().getService(IHandlerService.class)
                    .executeCommand(WorkbenchCommands.RUN_EXPERIMENT, null);
        } catch (CommandException e) {
            lastMessage = "Cannot run: " + e.getMessage();
            showProblems();
        }
    }

    private void rebuildNow() {
        if (!scroll.isDisposed()) {
            rebuild();
        }
    }

    /** A contribution chooser (id) with the chosen one's doc and its parameter fields. */
    private <T extends Contribution> Group choice(Composite column, String title, String path, Class<T> type, Object given,
            List<String> skipped) {
        Group section = section(column, title);
        Map<?, ?> values = given instanceof Map<?, ?> map ? map : Map.of();
        String id = values.get("id") == null ? "" : String.valueOf(values.get("id"));
        Label label = new Label(section, SWT.NONE);
        label.setText("id");
        Combo chooser = new Combo(section, SWT.READ_ONLY | SWT.DROP_DOWN);
        chooser.setData(PATH, path + ".id");
        chooser.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        List<RegisteredContribution<T>> installed = registry.list(type);
        List<String> ids = new ArrayList<>();
        for (RegisteredContribution<T> contribution : installed) {
            ids.add(contribution.contribution().id());
            chooser.add(contribution.contribution().id() + "  \u2014  " + contribution.contribution().name());
        }
        if (!id.isEmpty() && !ids.contains(id)) {
            ids.add(id);
            chooser.add(id + "  \u2014  not installed");
        }
        chooser.setData(IDS, List.copyOf(ids));
        chooser.setVisibleItemCount(Math.min(chooser.getItemCount(), 20));
        chooser.select(ids.indexOf(id));
        chooser.addListener(SWT.Selection, e -> {
            int index = chooser.getSelectionIndex();
            String chosen = index < 0 ? id : ids.get(index);
            if (!chosen.equals(id) && registry.find(type, chosen).isPresent()) {
                edit(text -> ExperimentText.set(text, path + ".id", chosen));
            }
        });
        T contribution = id.isEmpty() ? null : registry.find(type, id).orElse(null);
        Label doc = new Label(section, SWT.WRAP);
        doc.setText(contribution == null ? (id.isEmpty() ? "Choose one of the installed." : "'" + id
                + "' is not installed: choose one of the installed.")
                : contribution.name() + ": " + contribution.doc() + source(installed, id));
        doc.setLayoutData(wrapping(2));
        chooser.setToolTipText(doc.getText());
        if (contribution != null) {
            for (ParameterSpec spec : contribution.schema().specs()) {
                if (!skipped.contains(spec.name())) {
                    fields.add(new ParameterField(section, offered(spec), path + "." + spec.name(),
                            values.get(spec.name()), this::write));
                }
            }
        }
        if (contribution instanceof OptimizerFactory) {
            schedule(section, path + ".schedule", values.get("schedule"));
        }
        return section;
    }

    /** A contribution id parameter (a model's loss) as a choice among the installed contributions of its kind. */
    private ParameterSpec offered(ParameterSpec spec) {
        if (spec.type() != ParameterType.CONTRIBUTION) {
            return spec;
        }
        List<String> ids = registry.list(spec.kind().serviceType()).stream().map(c -> c.contribution().id()).toList();
        return new ParameterSpec(spec.name(), ParameterType.CHOICE, spec.defaultValue(), null, null,
                ids.isEmpty() ? List.of(String.valueOf(spec.defaultValue())) : ids, spec.unit(), spec.doc());
    }

    /** An optimizer's learning-rate schedule: the installed schedules, its warm-up and its parameters. */
    private void schedule(Group section, String path, Object given) {
        Map<?, ?> values = given instanceof Map<?, ?> map ? map : Map.of();
        String id = values.get("id") == null ? "" : String.valueOf(values.get("id"));
        Label label = new Label(section, SWT.NONE);
        label.setText("schedule");
        Combo chooser = new Combo(section, SWT.READ_ONLY | SWT.DROP_DOWN);
        chooser.setData(PATH, path + ".id");
        chooser.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        List<String> ids = new ArrayList<>();
        ids.add("");
        chooser.add(NO_SCHEDULE);
        for (RegisteredContribution<ScheduleFactory> schedule : registry.list(ScheduleFactory.class)) {
            ids.add(schedule.contribution().id());
            chooser.add(schedule.contribution().id() + "  \u2014  " + schedule.contribution().doc());
        }
        if (!ids.contains(id)) {
            ids.add(id);
            chooser.add(id + "  \u2014  not installed");
        }
        chooser.setData(IDS, List.copyOf(ids));
        chooser.select(ids.indexOf(id));
        chooser.setToolTipText("How the learning rate changes over training (every schedule takes a warm-up)");
        chooser.addListener(SWT.Selection, e -> {
            String chosen = ids.get(Math.max(0, chooser.getSelectionIndex()));
            if (!chosen.equals(id)) {
                edit(text -> chosen.isEmpty() ? ExperimentText.remove(text, path)
                        : ExperimentText.set(text, path + ".id", chosen));
            }
        });
        ScheduleFactory schedule = id.isEmpty() ? null : registry.find(ScheduleFactory.class, id).orElse(null);
        if (schedule != null) {
            fields.add(new ParameterField(section, WARMUP, path + "." + WARMUP.name(), values.get(WARMUP.name()),
                    this::write));
            for (ParameterSpec spec : schedule.schema().specs()) {
                fields.add(new ParameterField(section, offered(spec), path + "." + spec.name(), values.get(spec.name()),
                        this::write));
            }
        }
    }

    private static <T extends Contribution> String source(List<RegisteredContribution<T>> installed, String id) {
        return installed.stream().filter(c -> c.contribution().id().equals(id)).findFirst()
                .map(c -> " (" + c.bundle() + " " + c.version() + ")").orElse("");
    }

    private static Group section(Composite column, String title) {
        Group group = new Group(column, SWT.NONE);
        group.setText(title);
        group.setLayout(new GridLayout(2, false));
        group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return group;
    }

    /** Layout of a label that wraps at its column's width instead of widening the page. */
    static GridData wrapping(int columns) {
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false, columns, 1);
        data.widthHint = 200;
        return data;
    }

    /** The page takes the editor's width (at least 700 pixels) and scrolls vertically. */
    private void fitWidth() {
        if (content == null || content.isDisposed()) {
            return;
        }
        int width = Math.max(700, scroll.getClientArea().width);
        scroll.setMinSize(content.computeSize(width, SWT.DEFAULT));
    }

    private static Composite column(Composite parent) {
        Composite column = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        column.setLayout(layout);
        column.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return column;
    }

    /** Writes one field: its YAML literal, or removes it ({@code null}) so the default applies. */
    private void write(String path, String literal) {
        edit(text -> literal == null ? ExperimentText.remove(text, path) : ExperimentText.setLiteral(text, path, literal));
    }

    /** Applies a change to the document as one minimal replacement, so undo and markers stay exact. */
    private void edit(UnaryOperator<String> change) {
        String before = document.get();
        String after;
        try {
            after = change.apply(before);
        } catch (IllegalArgumentException e) {
            lastMessage = "Not changed: " + e.getMessage();
            showProblems();
            return;
        }
        lastMessage = "";
        if (after.equals(before)) {
            return;
        }
        int prefix = 0;
        int limit = Math.min(before.length(), after.length());
        while (prefix < limit && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < limit - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        writing = true;
        try {
            document.replace(prefix, before.length() - suffix - prefix, after.substring(prefix, after.length() - suffix));
        } catch (BadLocationException e) {
            throw new IllegalStateException(e);
        } finally {
            writing = false;
        }
        if (!shape(ExperimentText.values(after).orElse(null)).equals(shape)) {
            scroll.getDisplay().asyncExec(this::rebuildNow);
        }
    }

    private void showProblems() {
        if (status == null || status.isDisposed()) {
            return;
        }
        for (ParameterField field : fields) {
            String message = null;
            for (ExperimentProblem problem : problems) {
                if (problem.path().equals(field.path())) {
                    message = problem.message();
                }
            }
            field.problem(message);
        }
        if (UNREADABLE.equals(shape)) {
            return; // the message says so already
        }
        String text = lastMessage;
        if (!problems.isEmpty()) {
            ExperimentProblem first = problems.get(0);
            text = (text.isEmpty() ? "" : text + "\n") + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + " (marked in the Source page and the Problems view): line " + first.line() + ", "
                    + (first.path().isEmpty() ? "" : first.path() + ": ") + first.message();
        }
        if (!status.getText().equals(text)) {
            status.setText(text);
            content.layout(true, true);
            fitWidth();
        }
    }

    /**
     * @return what decides the page's widgets: the chosen ids, the stacks' layer types and the
     *         optimizer and augmentation entries; values alone do not change it
     */
    private String shape(Object root) {
        if (!(root instanceof Map<?, ?> experiment)) {
            return UNREADABLE;
        }
        Map<String, Object> shape = new LinkedHashMap<>();
        for (String section : List.of("dataset", "optimizer")) {
            shape.put(section, experiment.get(section) instanceof Map<?, ?> map ? map.get("id") : null);
        }
        shape.put("schedule", scheduleId(experiment.get("optimizer")));
        if (experiment.get("model") instanceof Map<?, ?> model) {
            shape.put("model", model.get("id"));
            model.forEach((key, value) -> {
                if (value instanceof List<?> layers) {
                    shape.put("stack " + key, layers.stream().map(LayerStackTable::type).toList());
                }
            });
        }
        if (experiment.get("optimizers") instanceof Map<?, ?> perStack) {
            perStack.forEach((stack, chosen) -> shape.put("optimizers " + stack,
                    chosen instanceof Map<?, ?> map ? map.get("id") + " " + scheduleId(map) : null));
        }
        if (experiment.get("augmentations") instanceof List<?> augmentations) {
            shape.put("augmentations", augmentations.stream().map(a -> a instanceof Map<?, ?> map ? map.get("id") : null)
                    .toList());
        }
        shape.put("layers selected", new HashMap<>(selectedLayers));
        return shape.toString();
    }

    private static Object scheduleId(Object optimizer) {
        return optimizer instanceof Map<?, ?> map && map.get("schedule") instanceof Map<?, ?> schedule ? schedule.get("id")
                : null;
    }

    private static Control find(Control control, String path) {
        if (control == null || control.isDisposed()) {
            return null;
        }
        if (path.equals(control.getData(PATH))) {
            return control;
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                Control found = find(child, path);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
