package io.latentlab.experiments;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML document as plain values (maps, lists, Long, Double, Boolean, String) plus the line
 * and column of every key and value, by field path ({@code model.encoder[0].dense.units}).
 */
public final class YamlTree {

    /** The document's values: maps, lists, Long, Double, Boolean, String, or {@code null}. */
    public final Object root;
    private final Map<String, int[]> keyPositions = new HashMap<>();
    private final Map<String, int[]> valuePositions = new HashMap<>();

    /** An experiment is a page of settings: far more values than this can only come from aliases expanding. */
    private static final int MAX_VALUES = 100_000;

    /** Duplicate keys, each with its line and column: an error, not "the last one wins". */
    private final List<ExperimentProblem> duplicates = new ArrayList<>();
    private final String file;
    private int values;

    private YamlTree(Node node, String file) {
        this.file = file;
        root = node == null ? null : convert(node, "");
    }

    /**
     * @param text the YAML text
     * @param file its name, for messages
     * @return the tree
     * @throws InvalidExperimentException for YAML syntax errors, with line and column
     */
    public static YamlTree parse(String text, String file) throws InvalidExperimentException {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(20);
            YamlTree tree = new YamlTree(new Yaml(options).compose(new StringReader(text)), file);
            if (!tree.duplicates.isEmpty()) {
                throw new InvalidExperimentException(tree.duplicates);
            }
            return tree;
        } catch (TooManyValuesException e) {
            throw new InvalidExperimentException(List.of(new ExperimentProblem(file, e.line, e.column, "",
                    "the document expands to more than " + MAX_VALUES + " values (aliases repeating aliases?)")));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new InvalidExperimentException(List.of(new ExperimentProblem(file, mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1, "", "YAML syntax: " + problem)));
        } catch (RuntimeException e) {
            throw new InvalidExperimentException(List.of(new ExperimentProblem(file, 1, 1, "", "YAML: " + e.getMessage())));
        }
    }

    /** @return line and column (1-based) of the key at {@code path}, else of its value, else of the closest parent */
    public int[] keyPosition(String path) {
        for (String candidate = path; ; candidate = parent(candidate)) {
            int[] position = keyPositions.getOrDefault(candidate, valuePositions.get(candidate));
            if (position != null || candidate.isEmpty()) {
                return position == null ? new int[] {1, 1} : position;
            }
        }
    }

    /** @return line and column (1-based) of the value at {@code path}, else of its key */
    public int[] valuePosition(String path) {
        int[] position = valuePositions.get(path);
        return position != null ? position : keyPosition(path);
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /** Thrown from deep inside the conversion, with where the expansion went over the limit. */
    private static final class TooManyValuesException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        TooManyValuesException(Node node) {
            super(null, null, false, false);
            line = node.getStartMark().getLine() + 1;
            column = node.getStartMark().getColumn() + 1;
        }
    }

    private Object convert(Node node, String path) {
        if (++values > MAX_VALUES) {
            throw new TooManyValuesException(node);
        }
        valuePositions.put(path, new int[] {node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1});
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(tuple.getKeyNode());
                String childPath = path.isEmpty() ? key : path + "." + key;
                if (map.containsKey(key)) {
                    duplicates.add(new ExperimentProblem(file, tuple.getKeyNode().getStartMark().getLine() + 1,
                            tuple.getKeyNode().getStartMark().getColumn() + 1, childPath, "'" + key + "' appears twice in"
                            + (path.isEmpty() ? " the file" : " '" + path + "'") + " (first at line "
                            + keyPositions.get(childPath)[0] + "); keep one"));
                    continue;
                }
                keyPositions.put(childPath, new int[] {tuple.getKeyNode().getStartMark().getLine() + 1,
                    tuple.getKeyNode().getStartMark().getColumn() + 1});
                map.put(key, convert(tuple.getValueNode(), childPath));
            }
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                list.add(convert(sequence.getValue().get(i), path + "[" + i + "]"));
            }
            return list;
        }
        ScalarNode scalar = (ScalarNode) node;
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (Tag.INT.equals(tag)) {
                return Long.parseLong(value.replace("_", ""));
            }
            if (Tag.FLOAT.equals(tag)) {
                return Double.parseDouble(value.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return value;
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)) || "yes".equalsIgnoreCase(value)
                    || "on".equalsIgnoreCase(value);
        }
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        return value;
    }
}
