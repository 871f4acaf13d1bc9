package io.latentlab.ui.runs.internal;

import java.awt.Color;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;

/** The look shared by the dashboards' line charts. */
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
}
