package io.latentlab.experiments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.latentlab.core.Contribution;
import io.latentlab.core.ContributionKind;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.ParameterProblem;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.Parameters;
import io.latentlab.core.RegisteredContribution;
import io.latentlab.core.Suggestions;
import io.latentlab.core.data.AugmentationFactory;
import io.latentlab.core.data.DatasetFactory;
import io.latentlab.core.layer.LayerFactory;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.model.ModelSetup;
import io.latentlab.core.optim.OptimizerFactory;

/**
 * Reads an experiment file and checks it against the installed contributions before any
 * work starts, collecting every problem with its line, column and field path.
 */
public final class ExperimentReader {

    private static final Set<String> TOP_LEVEL = Set.of("name", "description", "seed", "dataset", "augmentations",
            "model", "optimizer", "optimizers", "training", "sweep");
    private static final Set<String> TRAINING = Set.of("epochs", "batch_size", "evaluate_every", "sample_every",
            "checkpoint_every");

    private final ContributionRegistry registry;

    /**
     * @param registry the installed contributions
     */
    public ExperimentReader(ContributionRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param file a {@code *.experiment.yaml} file
     * @return the checked experiment
     * @throws InvalidExperimentException listing every problem
     * @throws IOException if the file cannot be read
     */
    public CheckedExperiment read(Path file) throws InvalidExperimentException, IOException {
        return check(file, Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Reads a run's experiment snapshot as if it were still beside the original file, so that
     * relative paths in it (a dataset directory) mean what they meant when the run was trained.
     *
     * @param run a run directory
     * @return its checked experiment
     * @throws InvalidExperimentException listing every problem
     * @throws IOException if the snapshot cannot be read
     */
    public CheckedExperiment readRun(Path run) throws InvalidExperimentException, IOException {
        Path snapshot = run.resolve(RunDirectory.SNAPSHOT);
        if (!Files.isRegularFile(snapshot)) {
            throw new InvalidExperimentException(List.of(new ExperimentProblem(snapshot.toString(), 1, 1, "",
                    "not a run directory: no experiment snapshot")));
        }
        Path origin = run.resolve(RunDirectory.ORIGIN);
        Path file = Files.isRegularFile(origin) ? Path.of(Files.readString(origin, StandardCharsets.UTF_8).strip()) : snapshot;
        return check(file, Files.readString(snapshot, StandardCharsets.UTF_8));
    }

    /**
     * @param file the file name to report (and to resolve relative dataset paths against)
     * @param text the experiment's text
     * @return the checked experiment
     * @throws InvalidExperimentException listing every problem
     */
    public CheckedExperiment check(Path file, String text) throws InvalidExperimentException {
        String name = file.toString();
        YamlTree tree = YamlTree.parse(text, name);
        Problems problems = new Problems(name, tree);
        if (!(tree.root instanceof Map<?, ?> root)) {
            throw new InvalidExperimentException(List.of(new ExperimentProblem(name, 1, 1, "",
                    "an experiment is a mapping with name, dataset, model, optimizer and training")));
        }
        unknownKeys(root, TOP_LEVEL, "", problems);
        String runName = text(root, "name", "", problems, true);
        long seed = integer(root, "seed", "", 1, problems);

        Experiment.Choice datasetChoice = choice(root, "dataset", problems);
        DatasetFactory dataset = contribution(DatasetFactory.class, datasetChoice, problems);
        Parameters datasetParameters = resolve(dataset, datasetChoice, problems);

        Experiment.Choice modelChoice = choice(root, "model", problems);
        ModelFactory model = contribution(ModelFactory.class, modelChoice, problems);
        Map<String, List<LayerEntry>> stacks = new LinkedHashMap<>();
        Parameters modelParameters = null;
        if (model != null) {
            Map<String, Object> parameters = new LinkedHashMap<>(modelChoice.parameters());
            for (String stack : model.stackNames()) {
                Object layers = parameters.remove(stack);
                if (layers == null) {
                    problems.add("model", "model '" + model.id() + "' needs a '" + stack + "' layer stack (a list of layers)");
                } else {
                    stacks.put(stack, layers("model." + stack, stack, layers, problems));
                }
            }
            modelParameters = resolve(model, new Experiment.Choice(model.id(), parameters, "model"), problems);
        }

        Map<String, Experiment.Choice> optimizerChoices = new LinkedHashMap<>();
        if (root.containsKey("optimizer")) {
            optimizerChoices.put(ModelFactory.DEFAULT_OPTIMIZER, choice(root, "optimizer", problems));
        }
        if (root.get("optimizers") instanceof Map<?, ?> perStack) {
            for (Object stack : perStack.keySet()) {
                if (model != null && !model.stackNames().contains(String.valueOf(stack))) {
                    problems.key("optimizers." + stack, "'" + stack + "' is not a stack of model '" + model.id()
                            + "'; its stacks: " + String.join(", ", model.stackNames()));
                }
                optimizerChoices.put(String.valueOf(stack), choice(perStack, String.valueOf(stack), "optimizers." + stack,
                        problems));
            }
        }
        if (optimizerChoices.isEmpty()) {
            problems.add("", "no 'optimizer' given (e.g. optimizer: {id: adam, learning_rate: 0.001})");
        }
        Map<String, ModelSetup.OptimizerChoice> optimizers = new LinkedHashMap<>();
        optimizerChoices.forEach((stack, choice) -> {
            OptimizerFactory optimizer = contribution(OptimizerFactory.class, choice, problems);
            Parameters resolved = resolve(optimizer, choice, problems);
            if (resolved != null) {
                optimizers.put(stack, new ModelSetup.OptimizerChoice(optimizer.id(), resolved));
            }
        });

        List<CheckedExperiment.AugmentationChoice> augmentations = new ArrayList<>();
        if (root.containsKey("augmentations")) {
            if (!(root.get("augmentations") instanceof List<?> list)) {
                problems.value("augmentations", "'augmentations' is a list, e.g. - {id: shift, max_pixels: 2}");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    String path = "augmentations[" + i + "]";
                    Map<String, Object> holder = new LinkedHashMap<>();
                    holder.put("entry", list.get(i));
                    Experiment.Choice choice = choice(holder, "entry", path, problems);
                    AugmentationFactory factory = contribution(AugmentationFactory.class, choice, problems);
                    Parameters resolved = resolve(factory, choice, problems);
                    if (resolved != null) {
                        augmentations.add(new CheckedExperiment.AugmentationChoice(factory.id(), resolved,
                                factory.create(resolved)));
                    }
                }
            }
        }
        Experiment.Training training = training(root, problems);
        Experiment experiment = new Experiment(file, text, runName, seed, datasetChoice, modelChoice, stacks,
                optimizerChoices, training);
        if (!problems.list.isEmpty()) {
            throw new InvalidExperimentException(problems.list);
        }
        return new CheckedExperiment(experiment, dataset, datasetParameters, model, modelParameters, optimizers,
                List.copyOf(augmentations), tree::keyPosition);
    }

    private List<LayerEntry> layers(String path, String stack, Object value, Problems problems) {
        List<LayerEntry> entries = new ArrayList<>();
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.value(path, "a stack is a non-empty list of layers, e.g. - dense: {units: 256, activation: relu}");
            return entries;
        }
        for (int i = 0; i < list.size(); i++) {
            String entryPath = path + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> map) || map.size() != 1) {
                problems.value(entryPath, "each layer is one 'type: {parameters}' pair, e.g. - dense: {units: 256}");
                continue;
            }
            String type = String.valueOf(map.keySet().iterator().next());
            Object raw = map.values().iterator().next();
            Map<String, Object> parameters = new LinkedHashMap<>();
            if (raw instanceof Map<?, ?> given) {
                given.forEach((k, v) -> parameters.put(String.valueOf(k), v));
            } else if (raw != null) {
                problems.value(entryPath + "." + type, "a layer's parameters are a mapping, e.g. {units: 256}");
            }
            Object givenName = parameters.remove("name");
            String layerName = givenName == null ? stack + (i + 1) : String.valueOf(givenName);
            String layerPath = entryPath + "." + type;
            var factory = registry.find(LayerFactory.class, type);
            if (factory.isEmpty()) {
                problems.key(layerPath, unknown("layer", type, LayerFactory.class));
            } else {
                Map<String, Object> checked = new LinkedHashMap<>(parameters);
                Object activation = checked.remove("activation");
                if (activation != null && registry.find(LayerFactory.class, String.valueOf(activation)).isEmpty()) {
                    problems.value(layerPath + ".activation", unknown("activation", String.valueOf(activation),
                            io.latentlab.core.layer.ActivationFactory.class));
                }
                report(factory.get().schema(), checked, layerPath, "layer '" + layerName + "' (" + type + ")", problems);
            }
            entries.add(new LayerEntry(layerName, type, parameters));
        }
        return entries;
    }

    private Experiment.Training training(Map<?, ?> root, Problems problems) {
        if (!(root.get("training") instanceof Map<?, ?> section)) {
            problems.add("", "no 'training' section (e.g. training: {epochs: 10, batch_size: 128})");
            return new Experiment.Training(1, 128, 1, 1, 1);
        }
        unknownKeys(section, TRAINING, "training", problems);
        return new Experiment.Training((int) integer(section, "epochs", "training", -1, problems),
                (int) integer(section, "batch_size", "training", 128, problems),
                (int) integer(section, "evaluate_every", "training", 1, problems),
                (int) integer(section, "sample_every", "training", 1, problems),
                (int) integer(section, "checkpoint_every", "training", 1, problems));
    }

    private Experiment.Choice choice(Map<?, ?> parent, String key, Problems problems) {
        return choice(parent, key, key, problems);
    }

    private Experiment.Choice choice(Map<?, ?> parent, String key, String path, Problems problems) {
        Object value = parent.get(key);
        if (!(value instanceof Map<?, ?> section)) {
            problems.add(path, value == null ? "'" + path + "' is missing: give it as {id: ..., <parameters>}"
                    : "'" + path + "' must be a mapping {id: ..., <parameters>}");
            return new Experiment.Choice(null, Map.of(), path);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        section.forEach((k, v) -> parameters.put(String.valueOf(k), v));
        Object id = parameters.remove("id");
        if (id == null) {
            problems.value(path, "'" + path + "' has no 'id'");
        }
        return new Experiment.Choice(id == null ? null : String.valueOf(id), parameters, path);
    }

    private <T extends Contribution> T contribution(Class<T> type, Experiment.Choice choice, Problems problems) {
        if (choice.id() == null) {
            return null;
        }
        var found = registry.find(type, choice.id());
        if (found.isEmpty()) {
            problems.value(choice.path() + ".id", unknown(ContributionKind.ofType(type).label(), choice.id(), type));
        }
        return found.orElse(null);
    }

    private Parameters resolve(Contribution contribution, Experiment.Choice choice, Problems problems) {
        if (contribution == null) {
            return null;
        }
        boolean ok = report(contribution.schema(), choice.parameters(), choice.path(),
                contribution.id(), problems);
        return ok ? contribution.schema().resolve(contribution.id(), choice.parameters()) : null;
    }

    private static boolean report(ParameterSchema schema, Map<String, Object> given, String path, String owner,
            Problems problems) {
        List<ParameterProblem> found = schema.check(given);
        for (ParameterProblem problem : found) {
            String field = path + "." + problem.parameter();
            if (given.containsKey(problem.parameter()) && problem.message().startsWith("unknown")) {
                problems.key(field, owner + ": " + problem.message());
            } else if (given.containsKey(problem.parameter())) {
                problems.value(field, owner + ": " + problem.message());
            } else {
                problems.add(path, owner + ": " + problem.message());
            }
        }
        return found.isEmpty();
    }

    private String unknown(String kind, String id, Class<? extends Contribution> type) {
        List<String> installed = registry.list(type).stream().map(RegisteredContribution::id).toList();
        return "unknown " + kind + " '" + id + "'" + Suggestions.closest(id, installed).map(s -> "; did you mean '" + s + "'?")
                .orElse("") + " Installed: " + (installed.isEmpty() ? "none" : String.join(", ", installed));
    }

    private static void unknownKeys(Map<?, ?> section, Set<String> known, String path, Problems problems) {
        for (Object key : section.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                String field = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                problems.key(field, "unknown field '" + key + "'" + Suggestions.closest(String.valueOf(key), known)
                        .map(s -> "; did you mean '" + s + "'?").orElse("; expected one of " + String.join(", ",
                                new java.util.TreeSet<>(known))));
            }
        }
    }

    private static String text(Map<?, ?> section, String key, String path, Problems problems, boolean required) {
        Object value = section.get(key);
        String field = path.isEmpty() ? key : path + "." + key;
        if (value == null) {
            if (required) {
                problems.add(path, "'" + key + "' is missing");
            }
            return "experiment";
        }
        String text = String.valueOf(value);
        if (!text.matches("[A-Za-z0-9._-]+")) {
            problems.value(field, "'" + key + "' may hold letters, digits, '.', '_' and '-' only (it names the run directory)");
        }
        return text;
    }

    private static long integer(Map<?, ?> section, String key, String path, long defaultValue, Problems problems) {
        Object value = section.get(key);
        String field = path.isEmpty() ? key : path + "." + key;
        if (value == null) {
            if (defaultValue < 0) {
                problems.add(path, "'" + key + "' is missing (a positive integer)");
                return 1;
            }
            return defaultValue;
        }
        if (!(value instanceof Long number) || number < (key.equals("seed") ? 0 : 1)) {
            problems.value(field, "'" + key + "' must be a positive integer, not '" + value + "'");
            return Math.max(defaultValue, 1);
        }
        return number;
    }

    /** Collects problems with their positions. */
    private static final class Problems {
        private final String file;
        private final YamlTree tree;
        private final List<ExperimentProblem> list = new ArrayList<>();

        Problems(String file, YamlTree tree) {
            this.file = file;
            this.tree = tree;
        }

        void key(String path, String message) {
            int[] position = tree.keyPosition(path);
            list.add(new ExperimentProblem(file, position[0], position[1], path, message));
        }

        void value(String path, String message) {
            int[] position = tree.valuePosition(path);
            list.add(new ExperimentProblem(file, position[0], position[1], path, message));
        }

        void add(String path, String message) {
            key(path, message);
        }
    }
}
