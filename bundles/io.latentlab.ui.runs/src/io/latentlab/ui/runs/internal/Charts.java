package io.latentlab.ui.runs.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;

import io.latentlab.studies.MedianStopping;
import io.latentlab.studies.ParallelCoordinates;

/** The look shared by the dashboards' charts: metric lines and parallel coordinates. */
final class Charts {

    private Charts() {
    }

    /** A white line chart of value against step, its range fitted to the data (not forced to 0). */
    static JFreeChart lines(String title, XYSeriesCollection data) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, "step", "value", data);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }

    /**
     * Adds bands (a mean with ± std, say) drawn as translucent areas around their lines, over the
     * chart's own series.
     */
    static void bands(JFreeChart chart, YIntervalSeriesCollection data) {
        XYPlot plot = chart.getXYPlot();
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.25f);
        Color[] colours = {new Color(0x3b, 0x6e, 0xa8), new Color(0xd0, 0x5a, 0x2c), new Color(0x3a, 0x9a, 0x4a),
            new Color(0x8e, 0x4b, 0xa8)};
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
            renderer.setSeriesFillPaint(i, colours[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setDataset(1, data);
        plot.setRenderer(1, renderer);
    }

    /** A white bar chart, one bar per x (a category's index), without shadows or gradients. */
    static JFreeChart bars(String title, String category, String value, XYSeriesCollection data) {
        JFreeChart chart = ChartFactory.createXYBarChart(title, category, false, value, data);
        chart.setBackgroundPaint(Color.WHITE);
        chart.removeLegend();
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYBarRenderer renderer = (XYBarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x3b, 0x6e, 0xa8));
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return chart;
    }

    /**
     * Draws more series on a value axis of their own at the right, in dashed lines (learning
     * rates beside losses: another scale).
     */
    static void secondAxis(JFreeChart chart, XYSeriesCollection data, String label) {
        XYPlot plot = chart.getXYPlot();
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        plot.setRangeAxis(1, axis);
        plot.setDataset(1, data);
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDefaultStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4},
                0));
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setDefaultPaint(new Color(0x2e7d32));
        renderer.setAutoPopulateSeriesPaint(false);
        plot.setRenderer(1, renderer);
    }

    /** Switches the value axis of the charts between linear and logarithmic. */
    static void logScale(List<JFreeChart> charts, boolean logarithmic) {
        for (JFreeChart chart : charts) {
            XYPlot plot = chart.getXYPlot();
            if (logarithmic) {
                LogarithmicAxis axis = new LogarithmicAxis("value (log)");
                axis.setAllowNegativesFlag(true);
                plot.setRangeAxis(axis);
            } else {
                NumberAxis axis = new NumberAxis("value");
                axis.setAutoRangeIncludesZero(false);
                plot.setRangeAxis(axis);
            }
        }
    }

    /**
     * Parallel coordinates: one vertical axis per differing field and the metric, each run a line
     * coloured from blue (best metric) to red (worst), the axes' ends labelled with their values.
     */
    static JFreeChart parallel(ParallelCoordinates coordinates) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ParallelCoordinates.Line line : coordinates.lines()) {
            XYSeries series = new XYSeries(line.run().getFileName().toString(), false, true);
            for (int a = 0; a < line.positions().length; a++) {
                series.add(a, Double.isNaN(line.positions()[a]) ? null : (Number) line.positions()[a]);
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Parallel coordinates", null, null, data);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.GRAY);
        plot.setRangeGridlinesVisible(false);
        String[] names = coordinates.axes().stream().map(ParallelCoordinates.Axis::name).toArray(String[]::new);
        SymbolAxis domain = new SymbolAxis(null, names);
        domain.setGridBandsVisible(false);
        plot.setDomainAxis(domain);
        NumberAxis range = new NumberAxis();
        range.setRange(-0.1, 1.1);
        range.setVisible(false);
        plot.setRangeAxis(range);
        for (int a = 0; a < coordinates.axes().size(); a++) {
            ParallelCoordinates.Axis axis = coordinates.axes().get(a);
            List<String> categories = axis.categories();
            if (categories.size() > 2) { // every category at its place on the axis
                for (int c = 0; c < categories.size(); c++) {
                    plot.addAnnotation(new XYTextAnnotation(categories.get(c), a, c / (double) (categories.size() - 1)));
                }
                continue;
            }
            plot.addAnnotation(new XYTextAnnotation(axis.lowLabel(), a, -0.05));
            plot.addAnnotation(new XYTextAnnotation(axis.highLabel() + (axis.logarithmic() ? " (log)" : ""), a, 1.05));
        }
        List<ParallelCoordinates.Line> lines = coordinates.lines();
        String metric = names[names.length - 1];
        boolean higherIsBetter = MedianStopping.higherIsBetter(metric);
        List<Double> sorted = lines.stream().map(ParallelCoordinates.Line::metric).filter(v -> !Double.isNaN(v)).sorted().toList();
        for (int r = 0; r < lines.size(); r++) {
            double value = lines.get(r).metric();
            double rank = sorted.size() < 2 || Double.isNaN(value) ? 0.5 : sorted.indexOf(value) / (double) (sorted.size() - 1);
            double badness = higherIsBetter ? 1 - rank : rank;
            plot.getRenderer().setSeriesPaint(r, new Color((int) (40 + 200 * badness), 60, (int) (240 - 200 * badness)));
            plot.getRenderer().setSeriesStroke(r, new BasicStroke(2f));
        }
        return chart;
    }
}
