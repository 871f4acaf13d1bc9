package io.latentlab.studies;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import io.latentlab.runs.RunInfo;
import io.latentlab.runs.RunRecord;

/**
 * Runs as lines across parallel axes: one axis per configuration field that every run has and
 * in which they differ (numbers on a linear scale, or logarithmic when they span two decades or more, e.g. learning
 * rates; anything else as categories), and a last axis for the headline metric. Every position
 * is scaled to [0, 1] on its axis, so a chart only draws lines.
 *
 * @param axes the axes, left to right; the metric last
 * @param lines one per run, in the order given
 */
public record ParallelCoordinates(List<Axis> axes, List<Line> lines) {

    /**
     * One axis.
     *
     * @param name the field path or metric name
     * @param low the value at 0 (numeric axes)
     * @param high the value at 1 (numeric axes)
     * @param logarithmic whether positions are on a log scale
     * @param categories the values in order, for a categorical axis (else empty)
     */
    public record Axis(String name, double low, double high, boolean logarithmic, List<String> categories) {

        /** @return the label at the axis' bottom (position 0) */
        public String lowLabel() {
            return categories.isEmpty() ? format(low) : categories.get(0);
        }

        /** @return the label at the axis' top (position 1) */
        public String highLabel() {
            return categories.isEmpty() ? format(high) : categories.get(categories.size() - 1);
        }

        double position(String value) {
            if (!categories.isEmpty()) {
                return categories.size() == 1 ? 0.5 : categories.indexOf(value) / (double) (categories.size() - 1);
            }
            double x = Double.parseDouble(value);
            if (high == low) {
                return 0.5;
            }
            return logarithmic ? (Math.log(x) - Math.log(low)) / (Math.log(high) - Math.log(low)) : (x - low) / (high - low);
        }

        private static String format(double value) {
            return String.format(Locale.ROOT, "%.4g", value);
        }
    }

    /**
     * One run.
     *
     * @param run its directory
     * @param positions its position on each axis, in [0, 1] (NaN when the run lacks the value)
     * @param metric its headline metric's value
     */
    public record Line(Path run, double[] positions, double metric) {
    }

    /**
     * @param runs run directories (e.g. a sweep's trials)
     * @return the axes and lines; only a metric axis when the runs do not differ
     */
    public static ParallelCoordinates of(List<Path> runs) {
        List<Map<String, String>> configurations = runs.stream().map(RunRecord::configuration).toList();
        List<RunInfo> infos = runs.stream().map(RunInfo::of).toList();
        TreeSet<String> keys = new TreeSet<>();
        configurations.forEach(configuration -> keys.addAll(configuration.keySet()));
        List<Axis> axes = new ArrayList<>();
        for (String key : keys) {
            List<String> values = configurations.stream().map(c -> c.get(key)).toList();
            // a field only some runs have (an optimizer's own parameter) follows from another axis
            if (key.equals("name") || values.contains(null) || values.stream().distinct().count() < 2) {
                continue;
            }
            axes.add(axis(key, values));
        }
        String metric = infos.isEmpty() ? "metric" : infos.get(0).headlineMetric();
        axes.add(axis(metric == null || metric.isEmpty() ? "metric" : metric, infos.stream()
                .map(info -> Double.isNaN(info.headlineValue()) ? null : String.valueOf(info.headlineValue()))
                .filter(v -> v != null).toList()));
        List<Line> lines = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            double[] positions = new double[axes.size()];
            for (int a = 0; a < axes.size(); a++) {
                Axis axis = axes.get(a);
                String value = a == axes.size() - 1 ? (Double.isNaN(infos.get(r).headlineValue()) ? null
                        : String.valueOf(infos.get(r).headlineValue())) : configurations.get(r).get(axis.name());
                positions[a] = value == null ? Double.NaN : axis.position(value);
            }
            lines.add(new Line(runs.get(r), positions, infos.get(r).headlineValue()));
        }
        return new ParallelCoordinates(List.copyOf(axes), List.copyOf(lines));
    }

    private static Axis axis(String name, List<String> values) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (String value : values) {
            try {
                double x = Double.parseDouble(value);
                low = Math.min(low, x);
                high = Math.max(high, x);
            } catch (NumberFormatException e) {
                return new Axis(name, 0, 1, false, values.stream().distinct().sorted().toList());
            }
        }
        if (values.isEmpty()) {
            return new Axis(name, 0, 1, false, List.of());
        }
        boolean logarithmic = low > 0 && high / low >= 100;
        return new Axis(name, low, high, logarithmic, List.of());
    }
}
