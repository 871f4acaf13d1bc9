package io.latentlab.ui.editor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import io.latentlab.core.model.NodeInfo;
import io.latentlab.core.model.TrainedNetwork;

/**
 * Draws networks as layer graphs, one column per network, inputs at the top: a box per layer
 * (name, type, parameter count), an arrow per connection labelled with the tensor's shape, the
 * network's outputs framed in bold. Layers sit in rows by their distance from the inputs, so
 * branches (a VAE's two heads) sit side by side and skip connections reach down across rows.
 */
final class NetworkGraph {

    private static final int BOX_WIDTH = 180;
    private static final int BOX_HEIGHT = 38;
    private static final int GAP_X = 24;
    private static final int GAP_Y = 40;
    private static final int MARGIN = 16;
    private static final int TITLE = 24;

    /** A drawn box: a network input or a layer. */
    record Box(int network, String name, String label, String detail, int row, int column, boolean input, boolean output) {
    }

    /**
     * A drawn arrow from one box to another, labelled with the tensor's shape. An arrow that
     * skips rows (a skip connection) runs down its own lane right of the boxes ({@code lane >= 0}).
     */
    record Edge(int network, String from, String to, String shape, int lane) {
    }

    /** Room per skip lane, and for the shape labels beside the lanes. */
    private static final int LANE = 14;
    private static final int LANE_LABELS = 90;

    private final ScrolledComposite scroll;
    private final Canvas canvas;
    private final List<Box> boxes = new ArrayList<>();
    /** The boxes by "network/name", for the arrows drawn at every paint. */
    private final Map<String, Box> byName = new HashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<String> titles = new ArrayList<>();
    private final List<Integer> offsets = new ArrayList<>();
    private final List<Integer> laneBases = new ArrayList<>();

    NetworkGraph(Composite parent) {
        scroll = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        canvas = new Canvas(scroll, SWT.DOUBLE_BUFFERED);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        scroll.setContent(canvas);
        canvas.addPaintListener(e -> paint(e.gc));
    }

    /** @return the control to lay out */
    Control control() {
        return scroll;
    }

    /** @return the boxes drawn now (for tests) */
    List<Box> boxes() {
        return List.copyOf(boxes);
    }

    /** @return the arrows drawn now (for tests) */
    List<Edge> edges() {
        return List.copyOf(edges);
    }

    /** @param networks the networks to draw, replacing what is shown */
    void show(List<TrainedNetwork> networks) {
        boxes.clear();
        byName.clear();
        edges.clear();
        titles.clear();
        offsets.clear();
        laneBases.clear();
        int x = MARGIN;
        int height = 0;
        for (int n = 0; n < networks.size(); n++) {
            TrainedNetwork network = networks.get(n);
            Map<String, Integer> rows = new HashMap<>();
            Map<String, String> shapes = new HashMap<>();
            Map<Integer, Integer> columnsUsed = new HashMap<>();
            int lanes = 0;
            for (var input : network.inputShapes().entrySet()) {
                rows.put(input.getKey(), 0);
                shapes.put(input.getKey(), String.valueOf(input.getValue()));
                boxes.add(new Box(n, input.getKey(), "input " + input.getKey(), String.valueOf(input.getValue()), 0,
                        columnsUsed.merge(0, 1, Integer::sum) - 1, true, false));
            }
            long total = 0;
            for (NodeInfo node : network.nodes()) {
                int row = 1 + node.inputs().stream().mapToInt(i -> rows.getOrDefault(i, 0)).max().orElse(0);
                rows.put(node.name(), row);
                shapes.put(node.name(), String.valueOf(node.outputShape()));
                total += node.parameterCount();
                boxes.add(new Box(n, node.name(), node.name() + " (" + node.type() + ")",
                        node.parameterCount() == 0 ? "no parameters"
                                : String.format(Locale.ROOT, "%,d parameters", node.parameterCount()),
                        row, columnsUsed.merge(row, 1, Integer::sum) - 1, false, network.outputs().contains(node.name())));
                for (String input : node.inputs()) {
                    boolean skips = row - rows.getOrDefault(input, 0) > 1;
                    edges.add(new Edge(n, input, node.name(), shapes.getOrDefault(input, "?"), skips ? lanes++ : -1));
                }
            }
            for (String output : network.outputs()) {
                edges.add(new Edge(n, output, null, shapes.getOrDefault(output, "?"), -1));
            }
            int widest = columnsUsed.values().stream().mapToInt(Integer::intValue).max().orElse(1);
            int deepest = rows.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            titles.add(String.format(Locale.ROOT, "network %s: %,d parameters", network.name(), total));
            offsets.add(x);
            laneBases.add(x + widest * (BOX_WIDTH + GAP_X));
            x += widest * (BOX_WIDTH + GAP_X) + lanes * LANE + (lanes > 0 ? LANE_LABELS : 0) + 2 * GAP_X;
            height = Math.max(height, TITLE + (deepest + 2) * (BOX_HEIGHT + GAP_Y));
        }
        boxes.forEach(box -> byName.put(box.network() + "/" + box.name(), box));
        canvas.setSize(Math.max(x, 200), height + 2 * MARGIN);
        canvas.redraw();
    }

    private Rectangle bounds(Box box) {
        return new Rectangle(offsets.get(box.network()) + box.column() * (BOX_WIDTH + GAP_X),
                MARGIN + TITLE + box.row() * (BOX_HEIGHT + GAP_Y), BOX_WIDTH, BOX_HEIGHT);
    }

    private Box box(int network, String name) {
        return byName.get(network + "/" + name);
    }

    private void paint(GC gc) {
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        var display = canvas.getDisplay();
        Color black = display.getSystemColor(SWT.COLOR_BLACK);
        Color grey = display.getSystemColor(SWT.COLOR_DARK_GRAY);
        Color layerFill = new Color(222, 234, 250);
        Color inputFill = new Color(222, 245, 222);
        try {
            for (int n = 0; n < titles.size(); n++) {
                gc.setForeground(black);
                gc.drawText(titles.get(n), offsets.get(n), MARGIN, true);
            }
            for (Edge edge : edges) {
                Box from = box(edge.network(), edge.from());
                if (from == null) {
                    continue;
                }
                Rectangle a = bounds(from);
                Box to = edge.to() == null ? null : box(edge.network(), edge.to());
                if (edge.lane() >= 0 && to != null) {
                    skip(gc, edge, a, bounds(to), grey, black);
                    continue;
                }
                Point start = new Point(a.x + a.width / 2, a.y + a.height);
                Point end = to == null ? new Point(start.x, start.y + GAP_Y - 8)
                        : new Point(bounds(to).x + BOX_WIDTH / 2, bounds(to).y);
                gc.setForeground(grey);
                gc.drawLine(start.x, start.y, end.x, end.y);
                arrowHead(gc, start, end);
                String label = edge.shape();
                Point size = gc.textExtent(label);
                // the label sits where the arrow leaves its source, so long skip arrows stay readable
                int labelY = start.y + (GAP_Y - size.y) / 2;
                int labelX = start.x + (int) ((end.x - start.x) * (double) (labelY + size.y / 2 - start.y)
                        / Math.max(1, end.y - start.y)) + 4;
                gc.setForeground(black);
                gc.drawText(label, labelX, labelY, true);
            }
            for (Box box : boxes) {
                Rectangle r = bounds(box);
                gc.setBackground(box.input() ? inputFill : layerFill);
                gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 8, 8);
                gc.setForeground(black);
                gc.setLineWidth(box.output() ? 3 : 1);
                gc.drawRoundRectangle(r.x, r.y, r.width, r.height, 8, 8);
                gc.setLineWidth(1);
                gc.drawText(clip(gc, box.label()), r.x + 6, r.y + 3, true);
                gc.setForeground(grey);
                gc.drawText(clip(gc, box.detail()), r.x + 6, r.y + 3 + gc.getFontMetrics().getHeight(), true);
            }
        } finally {
            layerFill.dispose();
            inputFill.dispose();
        }
    }

    /** A skip connection: out of the source's right side, down its lane, into the target's right side. */
    private void skip(GC gc, Edge edge, Rectangle from, Rectangle to, Color line, Color text) {
        int lane = laneBases.get(edge.network()) + edge.lane() * LANE;
        Point start = new Point(from.x + from.width, from.y + from.height / 2);
        Point end = new Point(to.x + to.width, to.y + to.height / 2);
        gc.setForeground(line);
        gc.drawPolyline(new int[] {start.x, start.y, lane, start.y, lane, end.y, end.x, end.y});
        arrowHead(gc, new Point(lane, end.y), end);
        gc.setForeground(text);
        Point size = gc.textExtent(edge.shape());
        gc.drawText(edge.shape(), lane + 4, start.y - size.y, true);
    }

    private static String clip(GC gc, String text) {
        if (gc.textExtent(text).x <= BOX_WIDTH - 12) {
            return text;
        }
        String clipped = text;
        while (clipped.length() > 1 && gc.textExtent(clipped + "...").x > BOX_WIDTH - 12) {
            clipped = clipped.substring(0, clipped.length() - 1);
        }
        return clipped + "...";
    }

    private static void arrowHead(GC gc, Point start, Point end) {
        double angle = Math.atan2(end.y - start.y, end.x - start.x);
        int length = 7;
        int[] points = {end.x, end.y,
            (int) Math.round(end.x - length * Math.cos(angle - 0.4)), (int) Math.round(end.y - length * Math.sin(angle - 0.4)),
            (int) Math.round(end.x - length * Math.cos(angle + 0.4)), (int) Math.round(end.y - length * Math.sin(angle + 0.4))};
        gc.setBackground(gc.getForeground());
        gc.fillPolygon(points);
    }
}
