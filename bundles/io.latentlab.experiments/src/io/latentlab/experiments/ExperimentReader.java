package io.latentlab.experiments;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.latentlab.core.Contribution;
import io.latentlab.core.ContributionKind;
import io.latentlab.core.ContributionRegistry;
import io.latentlab.core.ParameterProblem;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.ParameterSpec;
import io.latentlab.core.ParameterType;
import io.latentlab.core.Parameters;
import io.latentlab.core.Suggestions;
import io.latentlab.core.UnknownContributionException;
import io.latentlab.core.data.AugmentationFactory;
import io.latentlab.core.data.DatasetFactory;
import io.latentlab.core.model.LayerEntry;
import io.latentlab.core.model.ModelFactory;
import io.latentlab.core.optim.OptimizerChoice;
import io.latentlab.core.optim.OptimizerFactory;
import io.latentlab.core.optim.ScheduleChoice;
import io.latentlab.core.optim.ScheduleFactory;
import io.latentlab.engine.LayerParameters;

/**
 * Reads an experiment file and checks it against the installed contributions before any
 * work starts, collecting every problem with its line, column and field path.
 */
public final class ExperimentReader {

    private static final Set<String> TOP_LEVEL = Set.of("name", "description", "seed", "dataset", "augmentations",
            "model", "optimizer", "optimizers", "training", "sweep", "seeds", "repeat");
    /** The most runs a seed group may ask for. */
    private static final int MAX_REPEATS = 100;
    private static final Set<String> TRAINING = Set.of("epochs", "batch_size", "evaluate_every", "sample_every",
            "checkpoint_every", "clip_norm", "clip_value", "keep_checkpoints");
    /** Keys of a layer entry that are not the layer's own parameters. */
    private static final String NAME = "name";
    private static final String INPUTS = "inputs";
    private static final String SCHEDULE = "schedule";

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
        return check(file, text(file));
    }

    /** The file as UTF-8 text; a binary or otherwise encoded file is refused with where it stops being text. */
    private static String text(Path file) throws InvalidExperimentException, IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) { // no text file holds a NUL byte
                int[] position = position(bytes, i);
                throw new InvalidExperimentException(List.of(new ExperimentProblem(file.toString(), position[0],
                        position[1], "", "a binary file, not an experiment (YAML text)")));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int at = firstBadByte(bytes);
            int[] position = position(bytes, at);
            throw new InvalidExperimentException(List.of(new ExperimentProblem(file.toString(), position[0], position[1], "",
                    String.format(Locale.ROOT, "not UTF-8 text: byte 0x%02X cannot be read; save the file as UTF-8", bytes[at]))));
        }
        return text;
    }

    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    /** Line and column (1-based, in bytes) of a byte offset. */
    private static int[] position(byte[] bytes, int offset) {
        int line = 1;
        int start = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                start = i + 1;
            }
        }
        return new int[] {line, offset - start + 1};
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
            optimizerChoices.put(OptimizerChoice.DEFAULT_KEY, choice(root, "optimizer", problems));
        }
        if (root.containsKey("optimizers") && !(root.get("optimizers") instanceof Map<?, ?>)) {
            problems.value("optimizers", "'optimizers' is a mapping from a network to its optimizer, e.g."
                    + " optimizers: {decoder: {id: adam, learning_rate: 0.0002}}");
        }
        if (root.get("optimizers") instanceof Map<?, ?> perNetwork) {
            for (Object network : perNetwork.keySet()) {
                if (model != null && !model.networkNames().contains(String.valueOf(network))) {
                    problems.key("optimizers." + network, "'" + network + "' is not a network of model '" + model.id()
                            + "'; networks that may have their own optimizer: " + String.join(", ", model.networkNames()));
                }
                optimizerChoices.put(String.valueOf(network), choice(perNetwork, String.valueOf(network),
                        "optimizers." + network, problems));
            }
        }
        if (optimizerChoices.isEmpty()) {
            problems.add("", "no 'optimizer' given (e.g. optimizer: {id: adam, learning_rate: 0.001})");
        } else if (model != null && !optimizerChoices.containsKey(OptimizerChoice.DEFAULT_KEY)) {
            List<String> without = model.networkNames().stream().filter(n -> !optimizerChoices.containsKey(n)).toList();
            if (!without.isEmpty()) {
                problems.key("optimizers", "no optimizer for " + String.join(", ", without) + ": give 'optimizer:' for"
                        + " every network without its own, or an entry under 'optimizers:' for each");
            }
        }
        Map<String, OptimizerChoice> optimizers = new LinkedHashMap<>();
        optimizerChoices.forEach((network, choice) -> {
            Map<String, Object> given = new LinkedHashMap<>(choice.parameters());
            Object schedule = given.remove(SCHEDULE);
            Experiment.Choice own = new Experiment.Choice(choice.id(), given, choice.path());
            OptimizerFactory optimizer = contribution(OptimizerFactory.class, own, problems);
            Parameters resolved = resolve(optimizer, own, problems);
            ScheduleChoice scheduleChoice = schedule == null ? null : schedule(schedule, choice.path() + "." + SCHEDULE,
                    problems);
            if (resolved != null) {
                optimizers.put(network, new OptimizerChoice(optimizer.id(), resolved, scheduleChoice));
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
        if (root.containsKey("sweep")) {
            sweep(root.get("sweep"), problems);
        }
        List<Long> seeds = seeds(root, seed, problems);
        Experiment experiment = new Experiment(file, text, runName, seed, datasetChoice, modelChoice, stacks,
                optimizerChoices, training, seeds);
        if (!problems.list.isEmpty()) {
            throw new InvalidExperimentException(problems.list);
        }
        Map<String, List<Map<String, Object>>> resolvedStacks = new LinkedHashMap<>();
        stacks.forEach((stack, layers) -> resolvedStacks.put(stack, layers.stream().map(this::resolvedLayer).toList()));
        return new CheckedExperiment(experiment, dataset, datasetParameters, model, modelParameters, resolvedStacks,
                optimizers,
                List.copyOf(augmentations), tree::keyPosition);
    }

    /** A schedule block: {@code {id: cosine, warmup_steps: 500, ...}}; warm-up is every schedule's. */
    private ScheduleChoice schedule(Object value, String path, Problems problems) {
        Map<String, Object> holder = new LinkedHashMap<>();
        holder.put("schedule", value);
        Experiment.Choice choice = choice(holder, "schedule", path, problems);
        Map<String, Object> given = new LinkedHashMap<>(choice.parameters());
        Object warmup = given.remove(ScheduleChoice.WARMUP_STEPS);
        long warmupSteps = 0;
        if (warmup != null) {
            if (warmup instanceof Long steps && steps >= 0) {
                warmupSteps = steps;
            } else {
                problems.value(path + "." + ScheduleChoice.WARMUP_STEPS, "'" + ScheduleChoice.WARMUP_STEPS
                        + "' must be an integer >= 0, not '" + warmup + "'");
            }
        }
        Experiment.Choice own = new Experiment.Choice(choice.id(), given, path);
        ScheduleFactory factory = contribution(ScheduleFactory.class, own, problems);
        Parameters resolved = resolve(factory, own, problems);
        return resolved == null ? null : new ScheduleChoice(factory.id(), resolved, warmupSteps);
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
            Object givenName = parameters.remove(NAME);
            String layerName = givenName == null ? stack + (i + 1) : String.valueOf(givenName);
            String layerPath = entryPath + "." + type;
            List<String> inputs = inputs(parameters.remove(INPUTS), layerPath + "." + INPUTS, problems);
            for (ParameterProblem problem : LayerParameters.check(registry, type, parameters)) {
                if (problem.parameter().isEmpty()) {
                    problems.key(layerPath, problem.message());
                } else if (problem.expected().equals(LayerParameters.INSTALLED_ACTIVATION)) {
                    problems.value(layerPath + "." + problem.parameter(), problem.message());
                } else {
                    report(problem, parameters, layerPath, "layer '" + layerName + "' (" + type + ")", problems);
                }
            }
            entries.add(new LayerEntry(layerName, type, parameters, inputs));
        }
        return entries;
    }

    private static final Set<String> SWEEP = Set.of("method", "parameters", "count", "seed", "early_stopping");
    private static final Set<String> EARLY_STOPPING = Set.of("rule", "metric", "goal", "after_epochs", "min_trials");

    /**
     * The {@code sweep:} block, checked like the rest of the file: its fields, the method, each
     * swept parameter's values or range, and early stopping. (Whether each trial is a valid
     * experiment is checked by the sweep once the values are put in.)
     */
    private static void sweep(Object value, Problems problems) {
        if (!(value instanceof Map<?, ?> sweep)) {
            problems.value("sweep", "'sweep' is a mapping: method, parameters, count, seed, early_stopping");
            return;
        }
        unknownKeys(sweep, SWEEP, "sweep", problems);
        Object method = sweep.containsKey("method") ? sweep.get("method") : "grid";
        boolean random = "random".equals(method);
        if (!random && !"grid".equals(method)) {
            problems.value("sweep.method", "unknown method '" + method + "'; use grid or random");
        }
        if (!random && (sweep.containsKey("count") || sweep.containsKey("seed"))) {
            problems.key(sweep.containsKey("count") ? "sweep.count" : "sweep.seed", "'count' and 'seed' are for"
                    + " method: random; a grid tries every combination");
        }
        if (sweep.containsKey("count")) {
            integer(sweep, "count", "sweep", 8, problems);
        }
        if (sweep.containsKey("seed")) {
            integer(sweep, "seed", "sweep", 1, problems);
        }
        if (!(sweep.get("parameters") instanceof Map<?, ?> parameters) || parameters.isEmpty()) {
            problems.add("sweep", "no 'parameters:' in the sweep: a field path and its values, e.g."
                    + " optimizer.learning_rate: [0.001, 0.003]");
        } else {
            for (Map.Entry<?, ?> parameter : parameters.entrySet()) {
                String path = "sweep.parameters." + parameter.getKey();
                boolean values = parameter.getValue() instanceof List<?> list && !list.isEmpty();
                boolean range = parameter.getValue() instanceof Map<?, ?> spec && spec.get("range") instanceof List<?> bounds
                        && bounds.size() == 2 && bounds.stream().allMatch(Number.class::isInstance);
                if (!values && !(random && range)) {
                    problems.value(path, random ? "expected a list of values or {range: [low, high], log: true}"
                            : "a grid takes a list of values, e.g. [0.001, 0.003]");
                } else if (range) {
                    Map<?, ?> spec = (Map<?, ?>) parameter.getValue();
                    unknownKeys(spec, Set.of("range", "log"), path, problems);
                    List<?> bounds = (List<?>) spec.get("range");
                    double low = ((Number) bounds.get(0)).doubleValue();
                    double high = ((Number) bounds.get(1)).doubleValue();
                    if (!(low < high) || (Boolean.TRUE.equals(spec.get("log")) && low <= 0)) {
                        problems.value(path + ".range", "a range is [low, high] with low < high (and low > 0 on a log"
                                + " scale), not " + bounds);
                    }
                }
            }
        }
        Object early = sweep.get("early_stopping");
        if (early instanceof Map<?, ?> options) {
            unknownKeys(options, EARLY_STOPPING, "sweep.early_stopping", problems);
            if (!"median".equals(String.valueOf(options.get("rule")))) {
                problems.value("sweep.early_stopping.rule", "unknown rule '" + options.get("rule") + "'; use median");
            }
            Object goal = options.get("goal");
            if (goal != null && !"minimize".equals(goal) && !"maximize".equals(goal)) {
                problems.value("sweep.early_stopping.goal", "expected minimize or maximize, not '" + goal + "'");
            }
            for (String count : List.of("after_epochs", "min_trials")) {
                if (options.containsKey(count)) {
                    integer(options, count, "sweep.early_stopping", 1, problems);
                }
            }
        } else if (early != null && !"median".equals(early) && !"none".equals(early) && !Boolean.FALSE.equals(early)) {
            problems.value("sweep.early_stopping", "expected median, none, or {rule: median, metric, goal, after_epochs,"
                    + " min_trials}, not '" + early + "'");
        }
    }

    /** A checked layer as a run records it: every parameter with its default, its activation, name and inputs. */
    private Map<String, Object> resolvedLayer(LayerEntry layer) {
        LayerParameters.Resolved resolved = LayerParameters.resolve(registry, "layer '" + layer.name() + "'", layer.type(),
                layer.parameters());
        Map<String, Object> parameters = new LinkedHashMap<>(resolved.parameters().asMap());
        parameters.put(LayerParameters.ACTIVATION, resolved.activation() == null ? "identity" : resolved.activation().id());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(layer.type(), parameters);
        entry.put(NAME, layer.name());
        if (!layer.inputs().isEmpty()) {
            entry.put(INPUTS, layer.inputs());
        }
        return entry;
    }

    /** A layer's {@code inputs}: the names of layers it reads, one or a list. */
    private static List<String> inputs(Object value, String path, Problems problems) {
        if (value == null) {
            return List.of();
        }
        List<?> names = value instanceof List<?> list ? list : List.of(value);
        if (names.isEmpty() || names.stream().anyMatch(name -> !(name instanceof String))) {
            problems.value(path, "'inputs' names the layers this one reads, e.g. inputs: [encoder1, decoder2]"
                    + " ('input' for what the stack reads)");
            return List.of();
        }
        return names.stream().map(String::valueOf).toList();
    }

    private Experiment.Training training(Map<?, ?> root, Problems problems) {
        if (!(root.get("training") instanceof Map<?, ?> section)) {
            problems.add("", "no 'training' section (e.g. training: {epochs: 10, batch_size: 128})");
            return new Experiment.Training(1, 128, 1, 1, 1, 0, 0, 2);
        }
        unknownKeys(section, TRAINING, "training", problems);
        return new Experiment.Training((int) integer(section, "epochs", "training", -1, problems),
                (int) integer(section, "batch_size", "training", 128, problems),
                (int) integer(section, "evaluate_every", "training", 1, problems),
                (int) integer(section, "sample_every", "training", 1, problems),
                (int) integer(section, "checkpoint_every", "training", 1, problems),
                nonNegative(section, "clip_norm", "training", problems),
                nonNegative(section, "clip_value", "training", problems),
                (int) integer(section, "keep_checkpoints", "training", 2, problems));
    }

    private static double nonNegative(Map<?, ?> section, String key, String path, Problems problems) {
        Object value = section.get(key);
        if (value == null) {
            return 0;
        }
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue()) || number.doubleValue() < 0) {
            problems.value(path + "." + key, "'" + key + "' must be a number >= 0 (0: no clipping), not '" + value + "'");
            return 0;
        }
        return number.doubleValue();
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

    private boolean report(ParameterSchema schema, Map<String, Object> given, String path, String owner,
            Problems problems) {
        List<ParameterProblem> found = new ArrayList<>(schema.check(given));
        for (ParameterSpec spec : schema.specs()) {
            Object value = given.getOrDefault(spec.name(), spec.defaultValue());
            if (spec.type() == ParameterType.CONTRIBUTION && value instanceof String id
                    && registry.find(spec.kind().serviceType(), id).isEmpty()) {
                found.add(new ParameterProblem(spec.name(), spec.expectation(), id, unknown(spec.kind().label(), id,
                        spec.kind().serviceType())));
            }
        }
        for (ParameterProblem problem : found) {
            report(problem, given, path, owner, problems);
        }
        return found.isEmpty();
    }

    private static void report(ParameterProblem problem, Map<String, Object> given, String path, String owner,
            Problems problems) {
        String field = path + "." + problem.parameter();
        if (given.containsKey(problem.parameter()) && problem.message().startsWith("unknown parameter")) {
            problems.key(field, owner + ": " + problem.message());
        } else if (given.containsKey(problem.parameter())) {
            problems.value(field, owner + ": " + problem.message());
        } else {
            problems.add(path, owner + ": " + problem.message());
        }
    }

    private String unknown(String kind, String id, Class<? extends Contribution> type) {
        return UnknownContributionException.of(registry, kind, id, type).getMessage();
    }

    private static void unknownKeys(Map<?, ?> section, Set<String> known, String path, Problems problems) {
        for (Object key : section.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                String field = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                problems.key(field, "unknown field '" + key + "'" + Suggestions.closest(String.valueOf(key), known)
                        .map(s -> "; did you mean '" + s + "'?").orElse("; expected one of " + String.join(", ",
                                new TreeSet<>(known))));
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

    /** The largest epochs and every-N settings: far beyond any real run, well inside an int. */
    private static final long MAX_COUNT = 1_000_000_000L;
    /** The most checkpoints a run keeps: each is a copy of every parameter and optimizer state. */
    private static final long MAX_KEPT = 100;
    /** The largest batch: 2^24 examples, more than any dataset the readers can hold in one array. */
    private static final long MAX_BATCH = 1L << 24;

    /**
     * A group of repeats: {@code seeds: [1, 2, 3]} (distinct whole numbers) or {@code repeat: N} (the seeds
     * {@code seed} to {@code seed + N - 1}); not both, not with a sweep (sweep the seed instead).
     */
    private static List<Long> seeds(Map<?, ?> root, long seed, Problems problems) {
        if (root.containsKey("seeds") && root.containsKey("repeat")) {
            problems.key("repeat", "give 'seeds' (a list) or 'repeat' (a count), not both");
            return List.of();
        }
        if ((root.containsKey("seeds") || root.containsKey("repeat")) && root.containsKey("sweep")) {
            problems.key(root.containsKey("seeds") ? "seeds" : "repeat", "a sweep cannot be repeated over seeds;"
                    + " add 'seed' to the sweep's parameters instead");
            return List.of();
        }
        if (root.containsKey("repeat")) {
            Object value = root.get("repeat");
            if (!(value instanceof Long count) || count < 2 || count > MAX_REPEATS) {
                problems.value("repeat", "'repeat' is how many runs, from 2 to " + MAX_REPEATS + ", not '" + value + "'");
                return List.of();
            }
            return java.util.stream.LongStream.range(seed, seed + count).boxed().toList();
        }
        if (!root.containsKey("seeds")) {
            return List.of();
        }
        if (!(root.get("seeds") instanceof List<?> list) || list.size() < 2 || list.size() > MAX_REPEATS) {
            problems.value("seeds", "'seeds' is a list of 2 to " + MAX_REPEATS + " whole numbers, e.g. [1, 2, 3]");
            return List.of();
        }
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Long value) || value < 0) {
                problems.value("seeds[" + i + "]", "a seed is a whole number from 0, not '" + list.get(i) + "'");
            } else if (seeds.contains(value)) {
                problems.value("seeds[" + i + "]", "seed " + value + " is listed twice: its runs would be identical");
            } else {
                seeds.add(value);
            }
        }
        return seeds;
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
        long min = key.equals("seed") ? 0 : 1;
        // checked before any narrowing: epochs 4294967297 must not become 1
        long max = key.equals("seed") ? Long.MAX_VALUE : key.equals("batch_size") ? MAX_BATCH
                : key.equals("keep_checkpoints") ? MAX_KEPT : MAX_COUNT;
        if (!(value instanceof Long number) || number < min || number > max) {
            problems.value(field, "'" + key + "' must be a whole number from " + min + " to "
                    + (max == Long.MAX_VALUE ? "2^63-1" : String.format(Locale.ROOT, "%,d", max)) + ", not '" + value + "'");
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
