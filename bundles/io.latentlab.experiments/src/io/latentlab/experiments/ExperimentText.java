package io.latentlab.experiments;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Edits an experiment's YAML text in place, one field or one list item at a time, so that the
 * rest of the text (comments, order, layout) stays as the researcher wrote it. The experiment
 * editor's form page writes through these; each returns the whole new text.
 * <p>
 * Paths are those of validation messages: {@code model.encoder[0].dense.units}.
 */
public final class ExperimentText {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");
    private static final List<String> RESERVED = List.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");

    private ExperimentText() {
    }

    /**
     * @param text an experiment's text
     * @return its values (maps, lists, Long, Double, Boolean, String), or empty when it is not valid YAML
     */
    public static Optional<Object> values(String text) {
        try {
            return Optional.ofNullable(YamlTree.parse(text, "").root);
        } catch (InvalidExperimentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param values an experiment's values, as {@link #values(String)} gives them
     * @param path a field path, e.g. {@code model.encoder[0].dense.units}
     * @return the value there, or {@code null} when the path leads nowhere
     */
    public static Object at(Object values, String path) {
        Object node = values;
        for (String segment : segments(path)) {
            if (segment.startsWith("[")) {
                int index = Integer.parseInt(segment.substring(1, segment.length() - 1));
                node = node instanceof List<?> list && index < list.size() ? list.get(index) : null;
            } else {
                node = node instanceof Map<?, ?> map ? map.get(segment) : null;
            }
        }
        return node;
    }

    /**
     * @param value a Long, Double, Boolean, String or list of those
     * @return its YAML spelling; text that YAML would read as something else is quoted
     */
    public static String literal(Object value) {
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(literal(item)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value instanceof Double number) {
            if (number.isNaN()) {
                return ".nan";
            }
            return number.isInfinite() ? (number > 0 ? ".inf" : "-.inf") : number.toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String string = String.valueOf(value);
        if (PLAIN.matcher(string).matches() && !RESERVED.contains(string.toLowerCase(Locale.ROOT))) {
            return string;
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultScalarStyle(DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options).dump(string).strip();
    }

    /**
     * Gives a field a value: replaces the value where the field is written, else adds the field to
     * its mapping (creating missing parent mappings).
     *
     * @param text an experiment's text
     * @param path the field, e.g. {@code optimizer.learning_rate}
     * @param value its new value (see {@link #literal(Object)}); {@code null} removes the field
     * @return the new text
     * @throws IllegalArgumentException when the text is not valid YAML or the path cannot hold a value
     */
    public static String set(String text, String path, Object value) {
        if (value == null) {
            return remove(text, path);
        }
        return setLiteral(text, path, literal(value));
    }

    /**
     * Like {@link #set(String, String, Object)} with the value written exactly as given, e.g. a
     * number as the researcher typed it ({@code 1e-4}).
     *
     * @param text an experiment's text
     * @param path the field
     * @param literal its new value in YAML
     * @return the new text
     */
    public static String setLiteral(String text, String path, String literal) {
        return put(text, path, new Literal(literal));
    }

    private static String put(String text, String path, Object value) {
        Source source = new Source(text);
        List<String> segments = segments(path);
        String key = segments.get(segments.size() - 1);
        Node parent = source.find(segments.subList(0, segments.size() - 1));
        if (parent == null) {
            if (segments.size() == 1) {
                throw new IllegalArgumentException("the text is not a mapping");
            }
            // the parent mapping is missing: add it with this one field
            return put(text, join(segments.subList(0, segments.size() - 1)), new Nested(key, value));
        }
        if (parent instanceof ScalarNode empty && empty.getValue().isEmpty()) {
            return put(text, join(segments.subList(0, segments.size() - 1)), new Nested(key, value));
        }
        if (!(parent instanceof MappingNode mapping)) {
            throw new IllegalArgumentException("'" + join(segments.subList(0, segments.size() - 1)) + "' is not a mapping");
        }
        String literal = flowText(value);
        for (NodeTuple tuple : mapping.getValue()) {
            if (key(tuple).equals(key)) {
                Node node = tuple.getValueNode();
                if (node instanceof ScalarNode scalar && scalar.getValue().isEmpty() && node.getStartMark().getIndex() == node
                        .getEndMark().getIndex()) {
                    int at = source.offset(tuple.getKeyNode().getEndMark().getIndex());
                    int colon = text.indexOf(':', at);
                    return text.substring(0, colon + 1) + " " + literal + text.substring(colon + 1);
                }
                return source.replace(node, literal);
            }
        }
        if (mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            return source.appendToFlow(mapping, '}', mapping.getValue().isEmpty(), key + ": " + literal);
        }
        if (mapping.getValue().isEmpty()) {
            throw new IllegalArgumentException("cannot add to an empty mapping at '" + path + "'");
        }
        Node firstKey = mapping.getValue().get(0).getKeyNode();
        String indent = " ".repeat(firstKey.getStartMark().getColumn());
        int end = source.lineEndAfter(mapping.getValue().get(mapping.getValue().size() - 1).getValueNode());
        String line = value instanceof BlockList list ? indent + key + ":\n" + indent + "  - " + list.item()
                : indent + key + ": " + literal;
        return insertLine(text, end, line);
    }

    /**
     * @param text an experiment's text
     * @param path the field to take out (its default then applies)
     * @return the new text; the same text when the field is not written
     */
    public static String remove(String text, String path) {
        Source source = new Source(text);
        List<String> segments = segments(path);
        String key = segments.get(segments.size() - 1);
        if (!(source.find(segments.subList(0, segments.size() - 1)) instanceof MappingNode mapping)) {
            return text;
        }
        List<NodeTuple> tuples = mapping.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            if (!key(tuples.get(i)).equals(key)) {
                continue;
            }
            if (mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
                return source.cutFromFlow(tuples.get(i).getKeyNode(), tuples.get(i).getValueNode(),
                        i > 0 ? tuples.get(i - 1).getValueNode() : null,
                        i + 1 < tuples.size() ? tuples.get(i + 1).getKeyNode() : null);
            }
            int start = source.lineStart(tuples.get(i).getKeyNode());
            int end = i + 1 < tuples.size() ? source.lineStart(tuples.get(i + 1).getKeyNode())
                    : source.lineEndAfter(tuples.get(i).getValueNode());
            return text.substring(0, start) + text.substring(end);
        }
        return text;
    }

    /**
     * @param text an experiment's text
     * @param listPath a list, e.g. {@code model.encoder}; created when missing (one item a line in
     *        a block mapping, else {@code [item]})
     * @param item the new item's YAML as written after a dash, e.g. {@code dense: {units: 64}}
     * @return the new text with the item appended to the list
     */
    public static String addItem(String text, String listPath, String item) {
        Source source = new Source(text);
        Node node = source.find(segments(listPath));
        if (node == null || node instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
            return put(text, listPath, new BlockList(item));
        }
        if (!(node instanceof SequenceNode list)) {
            throw new IllegalArgumentException("'" + listPath + "' is not a list");
        }
        if (list.getFlowStyle() == DumperOptions.FlowStyle.FLOW || list.getValue().isEmpty()) {
            return source.appendToFlow(list, ']', list.getValue().isEmpty(), flow(item));
        }
        Node last = list.getValue().get(list.getValue().size() - 1);
        int end = source.lineEndAfter(last);
        return insertLine(text, end, " ".repeat(source.dashColumn(last)) + "- " + item);
    }

    /** @return the text with a line inserted at a line start ({@code at}), the text's end included */
    private static String insertLine(String text, int at, String line) {
        return at >= text.length() && !text.endsWith("\n") ? text + "\n" + line + "\n"
                : text.substring(0, at) + line + "\n" + text.substring(at);
    }

    /** @return an item written after a dash, as it is written inside [ ] */
    private static String flow(String item) {
        String trimmed = item.strip();
        return trimmed.startsWith("{") || trimmed.startsWith("[") || !trimmed.contains(": ") ? trimmed : "{" + trimmed + "}";
    }

    /**
     * @param text an experiment's text
     * @param listPath a list
     * @param index the item to take out
     * @return the new text
     */
    public static String removeItem(String text, String listPath, int index) {
        Source source = new Source(text);
        if (!(source.find(segments(listPath)) instanceof SequenceNode list)) {
            throw new IllegalArgumentException("'" + listPath + "' is not a list");
        }
        if (list.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            List<Node> items = list.getValue();
            if (index < 0 || index >= items.size()) {
                throw new IllegalArgumentException("the list has no item " + index);
            }
            return source.cutFromFlow(items.get(index), items.get(index), index > 0 ? items.get(index - 1) : null,
                    index + 1 < items.size() ? items.get(index + 1) : null);
        }
        int[] span = source.itemSpan(list, index);
        if (list.getValue().size() == 1) { // the last item: an empty list stays a list
            int colon = text.lastIndexOf(':', span[0]);
            return text.substring(0, colon + 1) + " []\n" + text.substring(span[1]);
        }
        return text.substring(0, span[0]) + text.substring(span[1]);
    }

    /**
     * @param text an experiment's text
     * @param listPath a block list
     * @param index the item to move
     * @param up towards the start of the list, else towards its end
     * @return the new text; the same text when the item is already first (last)
     */
    public static String moveItem(String text, String listPath, int index, boolean up) {
        Source source = new Source(text);
        SequenceNode list = source.blockList(listPath);
        int other = up ? index - 1 : index + 1;
        if (other < 0 || other >= list.getValue().size()) {
            return text;
        }
        int[] first = source.itemSpan(list, Math.min(index, other));
        int[] second = source.itemSpan(list, Math.max(index, other));
        String a = withNewline(text.substring(first[0], first[1]));
        String b = withNewline(text.substring(second[0], second[1]));
        String rest = text.substring(second[1]);
        return text.substring(0, first[0]) + b + text.substring(first[1], second[0]) + a + rest;
    }

    private static String withNewline(String span) {
        return span.endsWith("\n") ? span : span + "\n";
    }

    private static String key(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                segments.add(part);
                continue;
            }
            if (bracket > 0) {
                segments.add(part.substring(0, bracket));
            }
            for (String index : part.substring(bracket).split("\\[")) {
                if (!index.isEmpty()) {
                    segments.add("[" + index);
                }
            }
        }
        return segments;
    }

    private static String join(List<String> segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (!segment.startsWith("[") && path.length() > 0) {
                path.append('.');
            }
            path.append(segment);
        }
        return path.toString();
    }

    /** A value already spelt in YAML. */
    private record Literal(String text) {
    }

    /** A new list of one item: a block list (one item a line) in a block mapping, else [item]. */
    private record BlockList(String item) {
    }

    /** A mapping with one field, written in flow style where a missing parent is added. */
    private record Nested(String key, Object value) {
        String flow() {
            return "{" + key + ": " + flowText(value) + "}";
        }
    }

    private static String flowText(Object value) {
        if (value instanceof Nested nested) {
            return nested.flow();
        }
        return value instanceof BlockList list ? "[" + flow(list.item()) + "]" : ((Literal) value).text();
    }

    /** The text with its composed YAML nodes, and offsets into it. */
    private static final class Source {

        private final String text;
        private final Node root;

        Source(String text) {
            this.text = text;
            try {
                LoaderOptions options = new LoaderOptions();
                options.setAllowDuplicateKeys(false);
                this.root = new Yaml(options).compose(new StringReader(text));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the experiment is not valid YAML: " + e.getMessage(), e);
            }
        }

        Node find(List<String> segments) {
            Node node = root;
            for (String segment : segments) {
                if (segment.startsWith("[")) {
                    int index = Integer.parseInt(segment.substring(1, segment.length() - 1));
                    if (!(node instanceof SequenceNode list) || index >= list.getValue().size()) {
                        return null;
                    }
                    node = list.getValue().get(index);
                    continue;
                }
                if (!(node instanceof MappingNode mapping)) {
                    return null;
                }
                Node found = null;
                for (NodeTuple tuple : mapping.getValue()) {
                    if (key(tuple).equals(segment)) {
                        found = tuple.getValueNode();
                    }
                }
                if (found == null) {
                    return null;
                }
                node = found;
            }
            return node;
        }

        SequenceNode blockList(String path) {
            if (!(find(segments(path)) instanceof SequenceNode list)) {
                throw new IllegalArgumentException("'" + path + "' is not a list");
            }
            if (list.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
                throw new IllegalArgumentException("'" + path + "' is written [a, b]: edit it in the source");
            }
            return list;
        }

        /** Marks count code points; Java strings count UTF-16 units. */
        int offset(int markIndex) {
            return text.offsetByCodePoints(0, Math.min(markIndex, text.codePointCount(0, text.length())));
        }

        /**
         * @return the text without one entry of a flow collection ({@code first} to {@code last}) and
         *         the comma that joins it to its neighbour ({@code previous} ends before it, {@code next}
         *         starts after it; either may be null)
         */
        String cutFromFlow(Node first, Node last, Node previous, Node next) {
            int start = next == null && previous != null ? offset(previous.getEndMark().getIndex())
                    : offset(first.getStartMark().getIndex());
            int end = next != null ? offset(next.getStartMark().getIndex()) : offset(last.getEndMark().getIndex());
            return text.substring(0, start) + text.substring(end);
        }

        /** @return the text with an entry appended inside a flow collection, before its closing bracket */
        String appendToFlow(Node collection, char closing, boolean empty, String entry) {
            int close = text.lastIndexOf(closing, offset(collection.getEndMark().getIndex()) - 1);
            return text.substring(0, close) + (empty ? "" : ", ") + entry + text.substring(close);
        }

        String replace(Node node, String literal) {
            return text.substring(0, offset(node.getStartMark().getIndex())) + literal
                    + text.substring(offset(node.getEndMark().getIndex()));
        }

        int lineStart(Node node) {
            int at = offset(node.getStartMark().getIndex());
            return text.lastIndexOf('\n', at - 1) + 1;
        }

        /** @return the offset just past the newline ending the node's last line of content */
        int lineEndAfter(Node node) {
            int at = offset(node.getEndMark().getIndex());
            while (at > 0 && Character.isWhitespace(text.charAt(at - 1))) {
                at--;
            }
            int newline = text.indexOf('\n', at);
            return newline < 0 ? text.length() : newline + 1;
        }

        int dashColumn(Node item) {
            int at = offset(item.getStartMark().getIndex());
            int dash = text.lastIndexOf('-', at - 1);
            return dash - (text.lastIndexOf('\n', dash - 1) + 1);
        }

        /**
         * @return start and end offsets of a block list item's lines: the comment lines just above
         *         it (they speak of it), its dash, up to the next item
         */
        int[] itemSpan(SequenceNode list, int index) {
            if (index < 0 || index >= list.getValue().size()) {
                throw new IllegalArgumentException("the list has no item " + index);
            }
            int start = itemStart(list.getValue().get(index));
            int end = index + 1 < list.getValue().size() ? itemStart(list.getValue().get(index + 1))
                    : lineEndAfter(list.getValue().get(index));
            return new int[] {start, end};
        }

        private int itemStart(Node item) {
            int start = lineStart(item);
            while (start > 0) {
                int previous = text.lastIndexOf('\n', start - 2) + 1;
                if (!text.substring(previous, start).strip().startsWith("#")) {
                    break;
                }
                start = previous;
            }
            return start;
        }
    }
}
